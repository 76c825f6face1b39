const express = require('express');

const app = express(); // expect: missing-helmet

// Clickjacking fixed; CSP, nosniff and HSTS still missing.
app.use((req, res, next) => {
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  next();
});

app.use(express.json());

app.get('/api/cart', (req, res) => {
  res.json({ items: [] });
});

app.listen(3000);
