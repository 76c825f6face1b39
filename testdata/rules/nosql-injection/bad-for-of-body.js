const express = require('express');
const mongoose = require('mongoose');

const Item = mongoose.model('Item', new mongoose.Schema({ sku: String }));
const app = express();
app.use(express.json());

// `skus[0][$ne]=` or a JSON body of objects: each element can be an operator.
app.post('/cart', async (req, res) => {
  const found = [];
  for (const sku of req.body.skus) {
    found.push(await Item.findOne({ sku })); // expect: nosql-injection
  }
  res.json(found);
});

app.listen(3000);
