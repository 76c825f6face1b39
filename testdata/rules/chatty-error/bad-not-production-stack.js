// The stack is added unless NODE_ENV is 'production', so by default it is sent with the 500.
const express = require('express');

const app = express();

app.get('/api/convert', (req, res) => {
  const amount = Number(req.query.amount);
  const rate = lookupRate(req.query.currency);
  res.json({ result: amount * rate });
});

function lookupRate(currency) {
  const rates = { EUR: 1, USD: 1.08 };
  if (!(currency in rates)) throw new Error(`no rate for ${currency} in rates table`);
  return rates[currency];
}

app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal Server Error', stack: process.env.NODE_ENV !== 'production' ? err.stack : undefined }); // expect: chatty-error
});

app.listen(3000);
