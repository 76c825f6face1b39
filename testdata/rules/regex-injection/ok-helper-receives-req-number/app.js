const express = require('express');
const { codePattern } = require('./lib/codes');

const app = express();

app.get('/codes/check', (req, res) => {
  const re = codePattern(req);
  res.json({ valid: re.test(String(req.query.code)) });
});

app.listen(3000);
