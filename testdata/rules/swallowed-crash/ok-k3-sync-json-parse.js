// Sync Express 4 routes that parse, decode, convert and throw on request data: Express catches a sync throw and answers 500.
const express = require('express');

const app = express();
const products = [
  { id: 1, name: 'Desk lamp', category: 'lighting' },
  { id: 2, name: 'Standing desk', category: 'furniture' },
];
const pages = new Map([['Getting started', '<h1>Getting started</h1>']]);

app.get('/products', (req, res) => {
  const filter = JSON.parse(req.query.filter || '{}');
  res.json(products.filter((p) => Object.entries(filter).every(([key, value]) => p[key] === value)));
});

app.get('/wiki/:slug', (req, res) => {
  const page = pages.get(decodeURIComponent(req.params.slug));
  if (!page) throw new Error('no such page');
  res.type('html').send(page);
});

app.get('/ids/next', (req, res) => {
  const after = BigInt(req.query.after);
  res.json({ next: (after + 1n).toString() });
});

app.listen(3000);
