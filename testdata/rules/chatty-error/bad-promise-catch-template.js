// A promise .catch callback sends the error in a template literal with a 500.
const express = require('express');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const app = express();

app.get('/api/invoices', (req, res) => {
  knex('invoices')
    .where({ customer_id: req.query.customer })
    .select('id', 'amount', 'due')
    .then((rows) => res.json(rows))
    .catch((err) => res.status(500).send(`Failed: ${err}`)); // expect: chatty-error
});

app.listen(3000);
