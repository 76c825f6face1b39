const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ username: String, password: String }));
const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  const user = await User.findOne({ username, password }); // expect: nosql-injection
  res.json({ ok: Boolean(user) });
});

app.listen(3000);
