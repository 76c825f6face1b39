const express = require('express');

const app = express();
const products = ['apple', 'banana'];

app.get('/search', (req, res) => {
  const re = new RegExp(req.query.q, 'i'); // expect: regex-injection
  res.json(products.filter((p) => re.test(p)));
});

app.listen(3000);
