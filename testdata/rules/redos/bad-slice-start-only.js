'use strict';

const express = require('express');

const channels = require('./channels');

const router = express.Router();

router.post('/channels', async (req, res) => {
  // "#general " -> "general": slice(1) drops the hash but keeps the length.
  const name = String(req.body.name).slice(1);
  const clean = name.replace(/\s+$/, ''); // expect: redos
  res.status(201).json(await channels.create(clean));
});

module.exports = router;
