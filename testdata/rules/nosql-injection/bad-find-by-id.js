const express = require('express');
const mongoose = require('mongoose');

const Post = mongoose.model('Post', new mongoose.Schema({ title: String }));
const app = express();
app.use(express.json());

app.post('/posts/open', async (req, res) => {
  const post = await Post.findById(req.body.id); // expect: nosql-injection
  res.json(post);
});

app.listen(3000);
