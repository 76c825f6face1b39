const express = require('express');

const app = express();

app.get('/accept', (req, res) => {
  let type = req.get('content-type') || '';
  type = type.trim().toLowerCase();
  const parts = type.replace(/\s*;\s*$/, ''); // expect: redos
  res.json({ parts });
});

app.listen(3000);
