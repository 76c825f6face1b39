const app = require('express')(); // expect: x-powered-by
const bodyParser = require('body-parser');
const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

app.post('/webhooks/stripe', bodyParser.raw({ type: 'application/json' }), (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(
      req.body,
      req.headers['stripe-signature'],
      process.env.STRIPE_WEBHOOK_SECRET
    );
  } catch (err) {
    return res.status(400).send('invalid signature');
  }

  if (event.type === 'checkout.session.completed') {
    // fulfil the order asynchronously
  }
  res.sendStatus(204);
});

module.exports = app;
