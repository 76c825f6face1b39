const express = require('express');
const mongoose = require('mongoose');

const Product = mongoose.model('Product', new mongoose.Schema({ name: String }));
const app = express();

// Express 5 parses the query string with the simple parser: no objects.
app.get('/products', async (req, res) => {
  res.json(await Product.find({ name: req.query.name }));
});

app.listen(3000);
