// Loads express-async-errors at the top of the app, so rejected async handlers reach the error handler.
const express = require('express');
require('express-async-errors');
const mongoose = require('mongoose');
const orders = require('./routes/orders');

const app = express();
app.use(express.json());
app.use('/orders', orders);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/orders');
app.listen(3000);
