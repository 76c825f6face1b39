const express = require('express');
const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));
const app = express();

app.get('/stats', async (req, res) => {
  const stats = await Order.aggregate([ // expect: regex-injection
    { $match: { customer: { $regex: req.query.customer } } },
    { $group: { _id: '$customer', total: { $sum: '$total' } } },
  ]);
  res.json(stats);
});

app.listen(3000);
