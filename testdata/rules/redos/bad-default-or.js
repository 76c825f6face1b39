'use strict';

const express = require('express');

const search = require('./search');

// jQuery 3.6.0's rtrim, copied into the server when jQuery.trim was deprecated.
const RTRIM = /^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g;

const router = express.Router();

router.get('/search', async (req, res) => {
  const raw = req.query.q || '';
  const q = raw.replace(RTRIM, ''); // expect: redos
  if (!q) return res.json({ results: [] });
  res.json({ results: await search.fullText(q) });
});

module.exports = router;
