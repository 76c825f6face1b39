const express = require('express');
const knex = require('knex')({ client: 'pg' });

const app = express();

app.get('/invoices', async (req, res) => {
  res.json(await knex('invoices').whereRaw('owner = ?', [req.query.owner]));
});

app.listen(3000);
