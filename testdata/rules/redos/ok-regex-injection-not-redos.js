'use strict';

const express = require('express');

const docs = require('./docs');

const router = express.Router();

// The pattern is built from the query string. That is regex injection (its
// own rule), not a regex written in the code that could be analysed here.
router.get('/docs/search', async (req, res) => {
  const word = String(req.query.word || '');
  const re = new RegExp('^(' + word + '\\s?)+$', 'i');
  res.json(await docs.filter((title) => re.test(title)));
});

module.exports = router;
