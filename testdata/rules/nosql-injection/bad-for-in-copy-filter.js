// Each field of the body copied into the filter by a for…in loop: the
// values are whatever the client sent.
const express = require('express');
const mongoose = require('mongoose');

const Item = mongoose.model('Item', new mongoose.Schema({ name: String }));
const app = express();
app.use(express.json());

app.post('/items/search', async (req, res) => {
  const filter = {};
  for (const key in req.body) {
    filter[key] = req.body[key];
  }
  res.json(await Item.find(filter)); // expect: nosql-injection
});

app.post('/items/first', async (req, res) => {
  for (const key in req.body) {
    return res.json(await Item.findOne({ name: req.body[key] })); // expect: nosql-injection
  }
  res.sendStatus(404);
});

app.listen(3000);
