const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/users/find', async (req, res) => {
  const email = req.body.email.trim().toLowerCase();
  res.json(await User.findOne({ email }));
});

app.listen(3000);
