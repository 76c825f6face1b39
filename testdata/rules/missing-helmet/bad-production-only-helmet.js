const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: missing-helmet

// Turned on only when NODE_ENV is set to production: a deployment that
// forgets NODE_ENV serves every page without the headers.
if (process.env.NODE_ENV === 'production') {
  app.use(helmet());
}

app.use(express.json());

app.get('/api/orders', (req, res) => {
  res.json({ orders: [] });
});

module.exports = app;
