const express = require('express');
const { literal } = require('./escape');

const app = express();

app.get('/search', (req, res) => {
  const re = new RegExp(literal(req.query.q));
  res.json({ ok: re.test('x') });
});

app.listen(3000);
