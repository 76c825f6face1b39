// The keys of the body are strings: a query on them is not an operator
// injection.
const express = require('express');
const mongoose = require('mongoose');

const Field = mongoose.model('Field', new mongoose.Schema({ name: String }));
const app = express();
app.use(express.json());

app.post('/fields/known', async (req, res) => {
  const found = [];
  for (const key in req.body) {
    found.push(await Field.findOne({ name: key }));
  }
  res.json(found);
});

app.listen(3000);
