const express = require('express');
const { celebrate, Joi } = require('celebrate');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post(
  '/lookup',
  celebrate({ body: Joi.object({ email: Joi.string().email().required() }) }),
  async (req, res) => {
    res.json(await User.findOne({ email: req.body.email }));
  },
);

app.listen(3000);
