const express = require('express');
const { celebrate, Joi } = require('celebrate');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, team: String }));
const app = express();
app.use(express.json());

// The schema types `email`; `team` is allowed through as anything.
app.post(
  '/lookup',
  celebrate({ body: Joi.object({ email: Joi.string(), team: Joi.any() }) }),
  async (req, res) => {
    res.json(await User.findOne({ email: req.body.email, team: req.body.team })); // expect: nosql-injection
  },
);

app.listen(3000);
