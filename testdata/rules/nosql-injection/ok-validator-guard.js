const express = require('express');
const validator = require('validator');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/invite', async (req, res) => {
  const { email } = req.body;
  if (!validator.isEmail(email)) {
    return res.status(400).end();
  }
  res.json(await User.findOne({ email }));
});

app.listen(3000);
