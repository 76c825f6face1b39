'use strict';

const express = require('express');

const app = express();
app.use(express.json());

// What the single-page app needs at boot. Only named, public values are
// read from the environment; nothing else leaves the process.
app.get('/api/runtime-config', (req, res) => {
  res.json({
    apiUrl: process.env.PUBLIC_API_URL || 'https://api.example.com',
    sentryDsn: process.env.PUBLIC_SENTRY_DSN || null,
    version: process.env.APP_VERSION || 'unknown',
  });
});

app.get('/api/shipments', (req, res) => {
  res.json([]);
});

app.listen(process.env.PORT || 3000, () => {
  console.log('shipments api listening');
});
