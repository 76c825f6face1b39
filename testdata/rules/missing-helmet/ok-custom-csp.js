const express = require('express');
const helmet = require('helmet');

const app = express();

app.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://js.stripe.com'],
        frameSrc: ['https://js.stripe.com'],
        imgSrc: ["'self'", 'data:', 'https://cdn.example.com'],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
);

app.get('/checkout', (req, res) => {
  res.send('<!doctype html><title>Checkout</title>');
});

app.listen(3000);
