const express = require('express');
const mongoose = require('mongoose');

const Article = mongoose.model('Article', new mongoose.Schema({ title: String }));
const app = express();

app.get('/articles', async (req, res) => {
  res.json(await Article.find({ title: { $regex: req.query.q, $options: 'i' } })); // expect: regex-injection
});

app.listen(3000);
