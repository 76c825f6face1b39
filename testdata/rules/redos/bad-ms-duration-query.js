'use strict';

const express = require('express');

const cache = require('./cache');

// The duration pattern of ms 0.7.0 (CVE-2015-8315). ms 2.x still uses it but
// refuses strings longer than 100 characters first; this copy does not.
const DURATION = /^((?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$/i;

const UNITS = { s: 1000, m: 60000, h: 3600000, d: 86400000, y: 31557600000 };

function unitFactor(unit) {
  const u = unit.toLowerCase();
  if (u === 'ms' || u.startsWith('msec') || u.startsWith('milli')) return 1;
  return UNITS[u[0]];
}

const router = express.Router();

router.post('/cache/:key', async (req, res) => {
  const match = DURATION.exec(req.query.ttl); // expect: redos
  if (!match) return res.status(400).json({ error: 'ttl must look like "10m" or "1.5h"' });
  const ttl = parseFloat(match[1]) * unitFactor(match[2] || 'ms');
  await cache.set(req.params.key, req.body, ttl);
  res.status(204).end();
});

module.exports = router;
