'use strict';

const express = require('express');

const notes = require('./notes');

const router = express.Router();

router.post('/notes', async (req, res) => {
  // Anchored at the start: tried at one position only, linear. The end is
  // trimmed with String#trimEnd instead of /\s+$/.
  const text = String(req.body.text || '').replace(/^\s+/, '').trimEnd();
  res.status(201).json(await notes.create(req.user.id, text));
});

module.exports = router;
