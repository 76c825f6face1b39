'use strict';

const express = require('express');

const products = require('./products');

// "price:asc,name:desc": a comma list of constant alternatives.
const SORT = /^(?:name|price|createdAt):(?:asc|desc)(?:,(?:name|price|createdAt):(?:asc|desc))*$/;

const router = express.Router();

router.get('/products', async (req, res) => {
  const sort = String(req.query.sort || 'createdAt:desc');
  if (!SORT.test(sort)) return res.status(400).json({ error: 'invalid sort' });
  const order = sort.split(',').map((part) => part.split(':'));
  res.json(await products.list({ order }));
});

module.exports = router;
