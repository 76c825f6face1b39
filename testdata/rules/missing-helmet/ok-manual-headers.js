const express = require('express');

function securityHeaders(req, res, next) {
  res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'");
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

const app = express();

app.use(securityHeaders);
app.use(express.json());

app.get('/api/contracts', (req, res) => {
  res.json([]);
});

app.listen(3000);
