// Item routes; failures are passed on to the app's error handler.
const express = require('express');

const router = express.Router();
const items = new Map();

router.get('/:id', (req, res, next) => {
  const item = items.get(req.params.id);
  if (!item) {
    const err = new Error('Item not found');
    err.status = 404;
    return next(err);
  }
  res.json(item);
});

router.post('/', express.json(), (req, res, next) => {
  try {
    const id = String(items.size + 1);
    items.set(id, { id, ...req.body });
    res.status(201).json(items.get(id));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
