'use strict';

const express = require('express');

const cache = require('./cache');

// The ms duration pattern is quadratic, so, like ms 2.x, refuse long input
// before running it.
const DURATION = /^((?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$/i;

const UNITS = { s: 1000, m: 60000, h: 3600000, d: 86400000, y: 31557600000 };

const router = express.Router();

router.post('/cache/:key', async (req, res) => {
  const ttl = String(req.query.ttl || '');
  if (ttl.length > 100) return res.status(400).json({ error: 'ttl is too long' });
  const match = DURATION.exec(ttl);
  if (!match) return res.status(400).json({ error: 'ttl must look like "10m"' });
  const unit = (match[2] || 'ms').toLowerCase();
  const factor = unit === 'ms' || unit.startsWith('msec') || unit.startsWith('milli') ? 1 : UNITS[unit[0]];
  await cache.set(req.params.key, req.body, parseFloat(match[1]) * factor);
  res.status(204).end();
});

module.exports = router;
