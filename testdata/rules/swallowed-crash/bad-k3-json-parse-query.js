// An async Express 4 route parses the filter query parameter with JSON.parse, with no try/catch and no wrapper.
const express = require('express');

const app = express();
const products = [
  { id: 1, name: 'Desk lamp', category: 'lighting', inStock: true },
  { id: 2, name: 'Standing desk', category: 'furniture', inStock: false },
];

app.get('/products', async (req, res) => {
  const filter = JSON.parse(req.query.filter || '{}'); // expect: swallowed-crash
  const matches = products.filter((p) => Object.entries(filter).every(([key, value]) => p[key] === value));
  res.json(matches);
});

app.listen(3000);
