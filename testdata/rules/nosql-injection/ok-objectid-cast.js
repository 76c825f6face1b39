const express = require('express');
const mongoose = require('mongoose');

const Post = mongoose.model('Post', new mongoose.Schema({ title: String }));
const app = express();
app.use(express.json());

// The cast yields an ObjectId (or throws): never an operator object.
app.post('/posts/open', async (req, res) => {
  const id = new mongoose.Types.ObjectId(req.body.id);
  res.json(await Post.findById(id));
});

app.listen(3000);
