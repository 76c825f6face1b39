// Async Express 4 routes wrapped with express-async-handler, which passes a rejection to next().
const express = require('express');
const asyncHandler = require('express-async-handler');
const mongoose = require('mongoose');

const Product = mongoose.model('Product', new mongoose.Schema({ name: String, price: Number }));
const app = express();

app.get('/products/:id', asyncHandler(async (req, res) => {
  const product = await Product.findById(req.params.id);
  if (!product) return res.sendStatus(404);
  res.json(product);
}));

app.get('/products', asyncHandler(async (req, res) => {
  const sort = JSON.parse(req.query.sort || '{"price":1}');
  if (Object.keys(sort).length > 2) throw new Error('too many sort keys');
  res.json(await Product.find().sort(sort).limit(20));
}));

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/shop');
app.listen(3000);
