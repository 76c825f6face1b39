const express = require('express');

const app = express();

app.get('/lang', (req, res) => {
  const pattern = RegExp('^' + req.get('accept-language')); // expect: regex-injection
  res.json({ english: pattern.test('en-US') });
});

app.listen(3000);
