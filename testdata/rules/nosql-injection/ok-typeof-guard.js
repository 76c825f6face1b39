const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ username: String }));
const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const { username } = req.body;
  if (typeof username !== 'string') {
    return res.status(400).json({ error: 'username must be a string' });
  }
  const user = await User.findOne({ username });
  res.json({ ok: Boolean(user) });
});

app.listen(3000);
