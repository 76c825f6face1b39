const express = require('express');
const mongoose = require('mongoose');
const { checkEmail } = require('./validate');

const User = mongoose.model('User', new mongoose.Schema({ email: String, password: String }));
const app = express();
app.use(express.json());

// The middleware checks the e-mail only: the password can still be {"$ne": ""}.
app.post('/login', checkEmail, async (req, res) => {
  const { email, password } = req.body;
  res.json({ ok: Boolean(await User.findOne({ email, password })) }); // expect: nosql-injection
});

app.listen(3000);
