// The route hands its response and the caught error to lib/fail.js.
const express = require('express');
const { fail } = require('./lib/fail');
const { charge } = require('./payments');

const app = express();
app.use(express.json());

app.post('/charge', async (req, res) => {
  try {
    res.json(await charge(String(req.body.customer), Number(req.body.amount)));
  } catch (err) {
    fail(res, err);
  }
});

app.listen(3000);
