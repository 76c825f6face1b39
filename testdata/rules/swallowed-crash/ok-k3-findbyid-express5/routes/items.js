// An async route awaits Item.findById on the id path parameter with no try/catch; Express 5 passes the rejection to the error handler.
const express = require('express');
const Item = require('../models/item');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const item = await Item.findById(req.params.id);
  if (!item) return res.status(404).json({ error: 'not found' });
  res.json(item);
});

module.exports = router;
