const express = require('express');
const User = require('../models/user');
const { validateSignup } = require('../middleware/validate');

const router = express.Router();

router.post('/', validateSignup, async (req, res, next) => {
  try {
    const user = await User.create({
      email: req.body.email,
      password: req.body.password,
      name: req.body.name,
    });
    res.status(201).json(user);
  } catch (err) {
    next(err);
  }
});

router.get('/search', async (req, res, next) => {
  try {
    const users = await User.find({ name: new RegExp(req.query.q, 'i') }) // expect: regex-injection
      .select('name email')
      .limit(20);
    res.json(users);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const user = await User.findById(req.params.id);
    if (!user) {
      return res.status(404).json({ error: 'User not found' });
    }
    res.json(user);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
