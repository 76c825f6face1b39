// The message is hidden only when NODE_ENV is 'production'; unset, it is sent with a 500.
const express = require('express');

const isProduction = process.env.NODE_ENV === 'production';
const app = express();

app.get('/api/weather', async (req, res, next) => {
  try {
    const r = await fetch(`https://weather.internal/api?city=${encodeURIComponent(req.query.city || '')}`);
    res.json(await r.json());
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: isProduction ? 'Internal error' : err.message }); // expect: chatty-error
});

app.listen(3000);
