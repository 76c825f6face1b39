const express = require('express');
const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));
const app = express();

// Express 4 parses `?status[$ne]=x` into an object; `||` keeps it.
app.get('/orders', async (req, res) => {
  const status = req.query.status || 'pending';
  res.json(await Order.find({ status })); // expect: nosql-injection
});

app.listen(3000);
