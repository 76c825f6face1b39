const express = require('express');
const asyncHandler = require('express-async-handler');
const User = require('./user');
const catchAsync = require('./catch-async');

const app = express();
app.use(express.json());

app.post('/login', catchAsync(async (req, res) => {
  res.json(await User.findOne({ email: req.body.email, password: req.body.password })); // expect: nosql-injection
}));

app.post('/lookup', asyncHandler(async (req, res) => {
  res.json(await User.findOne({ email: req.body.email })); // expect: nosql-injection
}));

app.listen(3000);
