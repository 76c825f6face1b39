const express = require('express');

const app = express();
const PATTERNS = { email: '^[^@]+@[^@]+$', phone: '^[0-9 +]+$' };

app.get('/check', (req, res) => {
  const kind = req.query.kind === 'phone' ? 'phone' : 'email';
  const re = new RegExp(PATTERNS[kind]);
  res.json({ ok: re.test(String(req.query.value)) });
});

app.listen(3000);
