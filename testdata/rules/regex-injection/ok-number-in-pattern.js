const express = require('express');

const app = express();

app.get('/digits', (req, res) => {
  const n = parseInt(req.query.n, 10) || 3;
  res.json({ ok: new RegExp(`^\\d{${n}}$`).test('123') });
});

app.listen(3000);
