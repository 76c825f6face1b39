const express = require('express');

const { requireRole, validateUser } = require('../middleware');
const ordersRouter = require('./orders');

const users = [
  { id: 'u1', email: 'demo@shop.test', name: 'Demo Customer' },
  { id: 'u2', email: 'ops@shop.test', name: 'Operations' },
];

const router = express.Router();

router.param('id', (req, res, next, id) => {
  const user = users.find((u) => u.id === id);
  if (!user) {
    return res.status(404).json({ error: 'user not found' });
  }
  req.user = user;
  next();
});

function listUsers(req, res) {
  res.json(users);
}

function createUser(req, res) {
  const user = { id: `u${users.length + 1}`, email: req.body.email, name: req.body.name };
  users.push(user);
  res.status(201).json(user);
}

function getUser(req, res) {
  res.json(req.user);
}

function updateUser(req, res) {
  Object.assign(req.user, { email: req.body.email, name: req.body.name });
  res.json(req.user);
}

function deleteUser(req, res) {
  users.splice(users.indexOf(req.user), 1);
  res.status(204).end();
}

router.get('/', listUsers);
router.post('/', validateUser, createUser);

router
  .route('/:id')
  .get(getUser)
  .patch(validateUser, updateUser)
  .delete(requireRole('admin'), deleteUser);

router.use('/:id/orders', ordersRouter);

module.exports = router;
