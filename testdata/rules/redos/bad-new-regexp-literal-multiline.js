'use strict';

const express = require('express');

const search = require('./search');

// Passing a literal to the RegExp constructor only copies it: the literal is
// where the pattern is written.
const KEYWORDS = new RegExp(
  /^([a-z]+\s?)*$/, // expect: redos
  'i',
);

const router = express.Router();

router.get('/search', async (req, res) => {
  const q = String(req.query.q || '');
  if (!KEYWORDS.test(q)) return res.json({ results: [] });
  res.json({ results: await search.byKeywords(q.split(' ')) });
});

module.exports = router;
