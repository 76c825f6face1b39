const express = require('express');

const router = express.Router();
const users = new Map([['1', { id: '1', name: 'Grace Hopper' }]]);

router.get('/users', (req, res) => {
  res.json([...users.values()]);
});

router.get('/users/:id', (req, res) => {
  const user = users.get(req.params.id);
  if (!user) return res.sendStatus(404);
  res.json(user);
});

module.exports = router;
