const express = require('express');
const helmet = require('helmet');

const isProduction = process.env.NODE_ENV === 'production';

const app = express();

// CSP only "in production": a deployment without NODE_ENV runs without it.
app.use(helmet({ contentSecurityPolicy: isProduction ? undefined : false })); // expect: missing-helmet
app.use(express.json());

app.get('/', (req, res) => {
  res.send('<!doctype html><title>Dashboard</title><div id="root"></div>');
});

app.listen(process.env.PORT || 3000);
