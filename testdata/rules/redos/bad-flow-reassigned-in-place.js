const express = require('express');

const app = express();
app.use(express.json());

app.get('/accept', (req, res) => {
  let type = req.body.type || '';
  type = type.trim().toLowerCase();
  const parts = type.replace(/\s*;\s*$/, ''); // expect: redos
  res.json({ parts });
});

app.listen(3000);
