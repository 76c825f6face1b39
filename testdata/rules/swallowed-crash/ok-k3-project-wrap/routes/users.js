// Async user routes, each wrapped by the project's wrap helper so a rejection reaches the error handler.
const express = require('express');
const wrap = require('../lib/wrap');
const User = require('../models/user');

const router = express.Router();

router.get('/', wrap(async (req, res) => {
  const sort = JSON.parse(req.query.sort || '{"createdAt":-1}');
  res.json(await User.find().sort(sort).limit(20));
}));

router.get('/:id', wrap(async (req, res) => {
  const user = await User.findById(req.params.id);
  if (!user) throw new Error('user not found');
  res.json(user);
}));

module.exports = router;
