const express = require('express');

const app = express();
const allowed = new RegExp(process.env.ALLOWED_ORIGINS || '^https://example\\.com$');

app.get('/origin', (req, res) => {
  res.json({ ok: allowed.test(req.get('origin') || '') });
});

app.listen(3000);
