const express = require('express');
const mongoose = require('mongoose');
const { checkCredentials } = require('./validate');

const User = mongoose.model('User', new mongoose.Schema({ email: String, password: String }));
const app = express();
app.use(express.json());

app.post('/login', checkCredentials, async (req, res) => {
  const { email, password } = req.body;
  res.json({ ok: Boolean(await User.findOne({ email, password })) });
});

app.listen(3000);
