// An async route awaits Item.findById on the id path parameter with no try/catch; Express 4 does not catch the rejection: a malformed id crashes the process.
const express = require('express');
const Item = require('../models/item');

const router = express.Router();

router.get('/:id', async (req, res) => {
  const item = await Item.findById(req.params.id); // expect: swallowed-crash
  if (!item) return res.status(404).json({ error: 'not found' });
  res.json(item);
});

module.exports = router;
