const express = require('express');
const payments = require('./payments');

const app = express();
const sandbox = express.Router();

// Fake card flows for the checkout team's demos.
sandbox.post('/charges', async (req, res) => {
  res.json(await payments.fakeCharge(Number(req.body.amount)));
});

sandbox.post('/charges/:id/fail', async (req, res) => {
  res.json(await payments.fakeFailure(req.params.id));
});

app.use(express.json());
app.post('/api/checkout', async (req, res) => {
  res.json(await payments.charge(req.body));
});

app.use('/sandbox', sandbox); // expect: ungated-dev-route

// Pretends to be Stripe calling us back; marks any order as paid.
app.post('/mocks/stripe/webhook', async (req, res) => { // expect: ungated-dev-route
  await payments.markPaid(String(req.body.orderId));
  res.sendStatus(200);
});

app.listen(process.env.PORT || 3000);
