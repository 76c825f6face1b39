const express = require('express');
const mongoose = require('mongoose');

const router = express.Router();
const Order = mongoose.model('Order', new mongoose.Schema({ ref: String, total: Number }));

router.get('/', async (req, res) => {
  res.json(await Order.find().limit(50).lean());
});

router.get('/:ref', async (req, res) => {
  const order = await Order.findOne({ ref: String(req.params.ref) }).lean();
  if (!order) return res.status(404).json({ error: 'not found' });
  res.json(order);
});

module.exports = router;
