const express = require('express');
const knex = require('knex')({ client: 'pg' });

const app = express();

app.get('/invoices', async (req, res) => {
  const rows = await knex('invoices').whereRaw(`owner = '${req.query.owner}'`); // expect: sql-injection
  res.json(rows);
});

app.listen(3000);
