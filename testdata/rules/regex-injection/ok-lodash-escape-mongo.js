const express = require('express');
const _ = require('lodash');
const mongoose = require('mongoose');

const Article = mongoose.model('Article', new mongoose.Schema({ title: String }));
const app = express();

app.get('/articles', async (req, res) => {
  res.json(await Article.find({ title: { $regex: _.escapeRegExp(String(req.query.q)), $options: 'i' } }));
});

app.listen(3000);
