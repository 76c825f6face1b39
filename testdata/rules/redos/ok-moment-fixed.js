'use strict';

const express = require('express');

const events = require('./events');

const router = express.Router();

router.get('/events', async (req, res) => {
  // moment 2.29.4's fix for CVE-2022-31129: [^()]* stops at the next "(",
  // so a failed attempt costs one step.
  const since = String(req.query.since || '').replace(/\([^()]*\)|[\n\t]/g, ' ');
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return res.status(400).json({ error: 'bad date' });
  res.json(await events.since(date));
});

module.exports = router;
