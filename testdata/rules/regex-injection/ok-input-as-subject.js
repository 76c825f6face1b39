const express = require('express');

const app = express();
const SLUG = /^[a-z0-9-]+$/;

app.get('/slug', (req, res) => {
  res.json({ valid: SLUG.test(req.query.slug), found: String(req.query.slug).match(/-/g) });
});

app.listen(3000);
