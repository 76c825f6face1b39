'use strict';

const express = require('express');

const contacts = require('./contacts');

const router = express.Router();

// The limit guards the tag list, not the name: a long run of spaces in
// `name` still makes the trailing-space regex backtrack on every position.
router.post('/contacts', async (req, res) => {
  const { name, tags = [] } = req.body;
  if (tags.length > 10) return res.status(400).json({ error: 'at most 10 tags' });
  const clean = String(name).replace(/\s+$/, ''); // expect: redos
  const contact = await contacts.create({ name: clean, tags });
  res.status(201).json(contact);
});

module.exports = router;
