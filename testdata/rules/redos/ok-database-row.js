'use strict';

const express = require('express');

const db = require('./db');

const router = express.Router();

router.get('/products/:id', async (req, res) => {
  const row = await db.one('SELECT id, name, description FROM products WHERE id = $1', [req.params.id]);
  // Text that the back office wrote, not the client.
  const description = row.description.replace(/\s+$/, '');
  res.json({ id: row.id, name: row.name, description });
});

module.exports = router;
