const express = require('express');

const settings = require('./settings');

const app = express(); // expect: missing-helmet

// HSTS is sent only when the server terminates TLS itself, which the
// default settings switch off; the other headers are set for everyone.
app.use((req, res, next) => {
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (settings.ssl) {
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');
  }
  next();
});

app.get('/', (req, res) => res.send('pad'));

app.listen(9001);
