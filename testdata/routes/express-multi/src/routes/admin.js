const express = require('express');

const { requireRole } = require('../middleware');

const router = express.Router();

router.use(requireRole('admin'));

router.get('/stats', (req, res) => {
  res.json({ users: 2, orders: 2, memory: process.memoryUsage().rss });
});

router.post('/users/:id/ban', (req, res) => {
  res.json({ id: req.params.id, banned: true });
});

module.exports = router;
