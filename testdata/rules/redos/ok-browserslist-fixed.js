'use strict';

const express = require('express');

const stats = require('./stats');

// browserslist 4.16.5's usage query (fix for CVE-2021-23364).
const USAGE = /^(>=?|<=?)\s*(\d+|\d+\.\d+|\.\d+)%$/;

const router = express.Router();

router.get('/browsers', async (req, res) => {
  const m = USAGE.exec(String(req.query.usage || '> 1%'));
  if (!m) return res.status(400).json({ error: 'usage must look like "> 0.5%"' });
  res.json(await stats.browsers(m[1], parseFloat(m[2])));
});

module.exports = router;
