const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

// `.length` is not a type check: `{"$gt": "", "length": 1}` passes it.
app.post('/password/forgot', async (req, res) => {
  const { email } = req.body;
  if (!email || email.length > 100) {
    return res.status(400).end();
  }
  const user = await User.findOne({ email }); // expect: nosql-injection
  res.json({ sent: Boolean(user) });
});

app.listen(3000);
