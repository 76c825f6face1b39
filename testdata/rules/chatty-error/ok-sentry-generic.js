// The error is reported to Sentry and the client gets a generic 500 message.
const express = require('express');
const Sentry = require('@sentry/node');
const axios = require('axios');

Sentry.init({ dsn: process.env.SENTRY_DSN });
const app = express();

app.get('/api/rates', async (req, res) => {
  try {
    const { data } = await axios.get('https://rates.internal/v1/latest');
    res.json(data);
  } catch (err) {
    Sentry.captureException(err);
    res.status(500).json({ error: 'Something went wrong' });
  }
});

app.listen(3000);
