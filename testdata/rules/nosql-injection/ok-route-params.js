const express = require('express');
const mongoose = require('mongoose');

const Post = mongoose.model('Post', new mongoose.Schema({ slug: String }));
const app = express();

// Route parameters are always strings.
app.get('/posts/:slug', async (req, res) => {
  res.json(await Post.findOne({ slug: req.params.slug }));
});

app.listen(3000);
