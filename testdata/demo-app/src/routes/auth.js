const express = require('express');
const jwt = require('jsonwebtoken');
const User = require('../models/user');

const router = express.Router();

router.post('/login', async (req, res, next) => {
  try {
    const user = await User.findOne({ email: req.body.email, password: req.body.password }); // expect: nosql-injection
    if (!user) {
      return res.status(401).json({ error: 'Invalid e-mail or password' });
    }

    const token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, {
      expiresIn: '1h',
    });
    res.json({ token, user });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
