'use strict';

const express = require('express');

const events = require('./events');

const router = express.Router();

router.get('/events', async (req, res) => {
  // Strip RFC 2822 comments such as "(CET)" the way moment 2.29.3 did
  // (CVE-2022-31129).
  const since = String(req.query.since || '').replace(/\([^)]*\)|[\n\t]/g, ' '); // expect: redos
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return res.status(400).json({ error: 'bad date' });
  res.json(await events.since(date));
});

module.exports = router;
