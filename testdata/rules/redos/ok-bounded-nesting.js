'use strict';

const express = require('express');

const catalog = require('./catalog');

// Up to six short words: the nesting is bounded, so the work is too.
const SHORT_PHRASE = /^([a-z]{1,10}\s){0,5}[a-z]{1,10}$/i;

const router = express.Router();

router.get('/suggest', async (req, res) => {
  const q = String(req.query.q || '');
  if (!SHORT_PHRASE.test(q)) return res.json([]);
  res.json(await catalog.suggest(q));
});

module.exports = router;
