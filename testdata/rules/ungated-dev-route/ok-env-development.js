'use strict';

const express = require('express');
const cors = require('cors');

const app = express();
app.disable('x-powered-by');

app.use(cors({ origin: 'https://dashboard.example.com' }));
app.use(express.json());

app.get('/api/shipments', (req, res) => {
  res.json([]);
});

// Only when a developer runs `NODE_ENV=development npm start`. A deployment
// that sets nothing never registers it.
if (process.env.NODE_ENV === 'development') {
  app.get('/debug/env', (req, res) => {
    res.json(process.env);
  });
}

app.listen(process.env.PORT || 3000, () => {
  console.log('shipments api listening');
});
