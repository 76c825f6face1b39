const express = require('express');
const { body, validationResult } = require('express-validator');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/lookup', body('email').isEmail(), async (req, res) => {
  if (!validationResult(req).isEmpty()) {
    return res.status(400).end();
  }
  res.json(await User.findOne({ email: req.body.email }));
});

app.listen(3000);
