'use strict';

const express = require('express');
const morgan = require('morgan');

const catalog = require('./catalog');

const app = express(); // expect: x-powered-by

app.use(morgan('combined'));
app.use(express.json({ limit: '100kb' }));

app.get('/healthz', (req, res) => res.json({ ok: true }));

app.get('/api/products', async (req, res, next) => {
  try {
    const products = await catalog.list({ page: Number(req.query.page) || 1 });
    res.json(products);
  } catch (err) {
    next(err);
  }
});

app.get('/api/products/:id', async (req, res, next) => {
  try {
    const product = await catalog.get(req.params.id);
    if (!product) return res.status(404).json({ error: 'not found' });
    res.json(product);
  } catch (err) {
    next(err);
  }
});

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => {
  console.log(`catalog service listening on :${port}`);
});
