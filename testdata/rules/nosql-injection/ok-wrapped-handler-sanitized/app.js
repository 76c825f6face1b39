const express = require('express');
const mongoSanitize = require('express-mongo-sanitize');
const User = require('./user');
const catchAsync = require('./catch-async');

const app = express();
app.use(express.json());
app.use(mongoSanitize());

app.post('/login', catchAsync(async (req, res) => {
  res.json(await User.findOne({ email: req.body.email, password: req.body.password }));
}));

app.listen(3000);
