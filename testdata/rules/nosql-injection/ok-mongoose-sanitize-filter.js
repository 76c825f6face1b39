const express = require('express');
const mongoose = require('mongoose');

// Every `$` key in a filter is wrapped in `$eq` from here on.
mongoose.set('sanitizeFilter', true);

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/lookup', async (req, res) => {
  res.json(await User.findOne({ email: req.body.email }));
});

app.listen(3000);
