// A promise .catch callback logs the error and sends a generic 500.
const express = require('express');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = express();

app.get('/api/invoices', (req, res) => {
  knex('invoices')
    .where({ customer_id: req.query.customer })
    .select('id', 'amount', 'due')
    .then((rows) => res.json(rows))
    .catch((err) => {
      console.error(err);
      res.status(500).send('Failed to load invoices');
    });
});

app.listen(3000);
