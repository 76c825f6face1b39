// A Mongoose ValidationError's field errors are sent with a 422; other errors get a generic 500.
const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({
  email: { type: String, required: true, match: /.+@.+/ },
  age: { type: Number, min: 13 },
}));

const app = express();
app.use(express.json());

app.post('/users', async (req, res) => {
  try {
    const user = await User.create({ email: String(req.body.email), age: Number(req.body.age) });
    res.status(201).json({ id: user.id });
  } catch (err) {
    if (err.name === 'ValidationError') {
      return res.status(422).json({ error: 'Invalid user', errors: err.errors });
    }
    console.error(err);
    res.status(500).json({ error: 'Could not create the user' });
  }
});

mongoose.connect(process.env.MONGO_URL).then(() => app.listen(3000));
