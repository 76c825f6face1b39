const express = require('express');
const mongoose = require('mongoose');

const Page = mongoose.model('Page', new mongoose.Schema({ number: Number }));
const app = express();

app.get('/pages', async (req, res) => {
  const number = parseInt(req.query.page, 10);
  res.json(await Page.findOne({ number }));
});

app.listen(3000);
