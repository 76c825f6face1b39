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

// Added while chasing the staging outage: shows which variables the
// container actually received. Not on a "debug" path, but it still hands
// out every secret in the environment.
app.get('/api/runtime-config', (req, res) => { // expect: ungated-dev-route
  res.json(process.env);
});

app.listen(process.env.PORT || 3000, () => {
  console.log('shipments api listening');
});
