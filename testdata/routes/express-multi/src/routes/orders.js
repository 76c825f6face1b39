const express = require('express');

// Mounted at /api/v1/users/:id/orders; mergeParams gives it req.params.id.
const router = express.Router({ mergeParams: true });

const orders = [
  { id: 'o1', userId: 'u1', total: 4200, status: 'shipped' },
  { id: 'o2', userId: 'u1', total: 1999, status: 'pending' },
];

router.get('/', (req, res) => {
  res.json(orders.filter((o) => o.userId === req.params.id));
});

router.post('/', (req, res) => {
  const order = { id: `o${orders.length + 1}`, userId: req.params.id, total: req.body.total, status: 'pending' };
  orders.push(order);
  res.status(201).json(order);
});

router.get('/:orderId', (req, res) => {
  const order = orders.find((o) => o.userId === req.params.id && o.id === req.params.orderId);
  if (!order) {
    return res.status(404).json({ error: 'order not found' });
  }
  res.json(order);
});

module.exports = router;

// The old name, kept for the handlers written against Express 3.
router.del = router.delete;

router.del('/:orderId', (req, res) => {
  res.status(204).end();
});
