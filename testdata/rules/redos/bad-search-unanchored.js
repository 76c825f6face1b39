'use strict';

const express = require('express');

const orders = require('./orders');

const router = express.Router();

// Support tickets quote the order as "…please check ORDER123".
router.get('/support/lookup', async (req, res) => {
  const note = String(req.query.note || '');
  const at = note.search(/[a-z]+\d+$/i); // expect: redos
  if (at < 0) return res.json({ order: null });
  res.json({ order: await orders.byReference(note.slice(at)) });
});

module.exports = router;
