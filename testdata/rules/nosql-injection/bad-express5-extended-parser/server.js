const express = require('express');
const mongoose = require('mongoose');

const Product = mongoose.model('Product', new mongoose.Schema({ brand: String }));
const app = express();
// Back to qs: `?brand[$ne]=x` is an object again.
app.set('query parser', 'extended');

app.get('/products', async (req, res) => {
  res.json(await Product.find({ brand: req.query.brand })); // expect: nosql-injection
});

app.listen(3000);
