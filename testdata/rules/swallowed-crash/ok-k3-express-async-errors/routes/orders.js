// Async order routes without try/catch; express-async-errors, loaded by app.js, forwards their rejections.
const express = require('express');
const Order = require('../models/order');

const router = express.Router();

router.get('/', async (req, res) => {
  const filter = JSON.parse(req.query.filter || '{}');
  res.json(await Order.find({ status: String(filter.status || 'open') }).limit(50));
});

router.get('/:id', async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) throw new Error('order not found');
  res.json(order);
});

module.exports = router;
