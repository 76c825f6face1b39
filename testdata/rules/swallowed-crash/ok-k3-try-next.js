// An async Express 4 route parses request data and awaits findById inside a try whose catch calls next(err).
const express = require('express');
const mongoose = require('mongoose');

const Post = mongoose.model('Post', new mongoose.Schema({ title: String, body: String, tags: [String] }));
const app = express();

app.get('/posts/:id', async (req, res, next) => {
  try {
    const fields = JSON.parse(req.query.fields || '["title","body"]');
    const post = await Post.findById(req.params.id).select(fields.join(' '));
    if (!post) return res.sendStatus(404);
    res.json(post);
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  res.status(err.name === 'CastError' || err instanceof SyntaxError ? 400 : 500).json({ error: 'request failed' });
});

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/blog');
app.listen(3000);
