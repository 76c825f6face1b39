const express = require('express');

const app = express();
app.use(express.json());

app.post('/rules', (req, res) => {
  const options = { pattern: req.body.rule, flags: 'g' };
  const re = new RegExp(options.pattern, options.flags); // expect: regex-injection
  res.json({ ok: re.test('x') });
});

app.listen(3000);
