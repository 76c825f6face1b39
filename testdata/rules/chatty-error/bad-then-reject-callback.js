// The rejection callback of .then(ok, fail) sends err.message with a 500.
const express = require('express');
const { Client } = require('@elastic/elasticsearch');

const es = new Client({ node: process.env.ES_URL });
const app = express();

app.get('/search', (req, res) => {
  es.search({ index: 'products', query: { match: { name: String(req.query.q || '') } } }).then(
    (result) => res.json(result.hits.hits.map((h) => h._source)),
    (err) => res.status(500).json({ error: err.message }) // expect: chatty-error
  );
});

app.listen(3000);
