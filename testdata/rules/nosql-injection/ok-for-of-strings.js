const express = require('express');
const mongoose = require('mongoose');

const Item = mongoose.model('Item', new mongoose.Schema({ sku: String }));
const app = express();
app.use(express.json());

app.post('/cart', async (req, res) => {
  const found = [];
  for (const sku of req.body.skus) {
    if (typeof sku !== 'string') return res.sendStatus(400);
    found.push(await Item.findOne({ sku }));
  }
  // Elements cast before the query.
  const ids = req.body.ids.map((id) => String(id));
  res.json({ found, more: await Item.find({ sku: { $in: ids } }) });
});

app.listen(3000);
