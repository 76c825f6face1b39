'use strict';

const express = require('express');

const files = require('./files');

// minimatch 3.0.5's brace test (fix for CVE-2022-3517): the lookahead stops
// each attempt at the next "{".
const HAS_BRACES = /\{(?:(?!\{).)*\}/;

const router = express.Router();

router.get('/files', async (req, res) => {
  const glob = String(req.query.glob || '*');
  if (HAS_BRACES.test(glob)) return res.status(400).json({ error: 'brace expansion is not supported' });
  res.json(await files.list(glob));
});

module.exports = router;
