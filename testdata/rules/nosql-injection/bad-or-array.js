const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ username: String, email: String }));
const app = express();
app.use(express.json());

app.post('/auth/exists', async (req, res) => {
  const user = await User.findOne({ // expect: nosql-injection
    $or: [{ username: req.body.login }, { email: req.body.login }],
  });
  res.json({ exists: Boolean(user) });
});

app.listen(3000);
