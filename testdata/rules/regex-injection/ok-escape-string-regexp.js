const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');

const app = express();
const products = ['apple', 'banana'];

app.get('/search', (req, res) => {
  const re = new RegExp(escapeStringRegexp(req.query.q), 'i');
  res.json(products.filter((p) => re.test(p)));
});

app.listen(3000);
