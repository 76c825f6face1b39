const express = require('express');
const sanitize = require('mongo-sanitize');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ username: String }));
const app = express();
app.use(express.json());

app.post('/users/find', async (req, res) => {
  const username = sanitize(req.body.username);
  res.json(await User.findOne({ username }));
});

app.listen(3000);
