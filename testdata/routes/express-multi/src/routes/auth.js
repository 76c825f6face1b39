const express = require('express');
const rateLimit = require('express-rate-limit');
const jwt = require('jsonwebtoken');

const { requireAuth } = require('../middleware');

const router = express.Router();

const loginLimiter = rateLimit({
  windowMs: 15 * 60 * 1000,
  limit: 10,
  standardHeaders: 'draft-7',
  legacyHeaders: false,
});

async function login(req, res) {
  const { email, password } = req.body;
  if (email !== 'demo@shop.test' || password !== 'demo') {
    return res.status(401).json({ error: 'invalid e-mail or password' });
  }
  const token = jwt.sign({ sub: 'u1', role: 'customer' }, process.env.JWT_SECRET || 'change-me', {
    expiresIn: '1h',
  });
  res.json({ token });
}

router.post('/login', loginLimiter, login);

router.post('/logout', requireAuth, (req, res) => {
  res.status(204).end();
});

router.get('/me', requireAuth, (req, res) => {
  res.json({ id: req.auth.sub, role: req.auth.role });
});

module.exports = router;
