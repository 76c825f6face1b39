const express = require('express');
const mongoose = require('mongoose');

const Article = mongoose.model('Article', new mongoose.Schema({ title: String, body: String }));
const app = express();

// `$text` is a full-text search and `$eq` an exact match: neither is a pattern.
app.get('/articles', async (req, res) => {
  const q = String(req.query.q ?? '');
  res.json({
    text: await Article.find({ $text: { $search: q } }),
    exact: await Article.find({ title: { $eq: q } }),
  });
});

app.listen(3000);
