// The whole error object is sent as the body of a 500.
const express = require('express');
const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ item: String, qty: Number }));

const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  try {
    const order = await Order.create({ item: req.body.item, qty: req.body.qty });
    res.status(201).json(order);
  } catch (err) {
    res.status(500).json(err); // expect: chatty-error
  }
});

mongoose.connect(process.env.MONGO_URL).then(() => app.listen(3000));
