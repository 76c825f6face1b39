const express = require('express');
const mongoose = require('mongoose');

const Invoice = mongoose.model('Invoice', new mongoose.Schema({ customer: String, paid: Boolean }));
const app = express();
app.use(express.json());

app.post('/invoices/search', async (req, res) => {
  const filter = Object.assign({}, req.body);
  const invoices = await Invoice.find(filter); // expect: nosql-injection
  res.json(invoices);
});

app.listen(3000);
