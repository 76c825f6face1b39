// A 4-argument error handler answers every error with a fixed 500 body.
const express = require('express');

const app = express();

app.get('/api/quote', (req, res) => {
  const quotes = ['Stay hungry.', 'Ship it.'];
  res.json({ quote: quotes[Number(req.query.n)].toUpperCase() });
});

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal' });
});

app.listen(3000);
