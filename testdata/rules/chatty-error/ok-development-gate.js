// Detail is sent only when NODE_ENV is exactly 'development', which is off by default.
const express = require('express');

const app = express();

app.get('/api/time/:zone', (req, res) => {
  const now = new Date().toLocaleString('en-GB', { timeZone: req.params.zone });
  res.json({ now });
});

app.use((err, req, res, next) => {
  console.error(err);
  if (process.env.NODE_ENV === 'development') {
    return res.status(500).json({ error: err.message, stack: err.stack });
  }
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000);
