const express = require('express');
const RE2 = require('re2');

const app = express();

// RE2 runs in linear time: no backtracking to exploit.
app.get('/search', (req, res) => {
  const re = new RE2(req.query.q, 'i');
  res.json({ ok: re.test('apple') });
});

app.listen(3000);
