const express = require('express');
const mongoose = require('mongoose');
const { ownerFilter } = require('./filters');

const Invoice = mongoose.model('Invoice', new mongoose.Schema({ owner: String, status: String }));
const app = express();
app.use(express.json());

app.post('/invoices/search', async (req, res) => {
  const filter = ownerFilter(req.body);
  res.json(await Invoice.find(filter)); // expect: nosql-injection
});

app.listen(3000);
