'use strict';

const express = require('express');

const { USERNAME, PIN } = require('./validators');
const users = require('./users');

const app = express();
app.use(express.json());

app.post('/users', async (req, res, next) => {
  const { username, pin } = req.body;
  if (!USERNAME.test(username) || !PIN.test(pin)) {
    return res.status(400).json({ error: 'invalid username or pin' });
  }
  try {
    res.status(201).json(await users.create({ username, pin }));
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
