'use strict';

const express = require('express');

const previews = require('./previews');

// normalize-url 4.5.1's data: URL pattern (fix for CVE-2021-33502).
const DATA_URL = /^data:([^,]*?),([^#]*?)(?:#(.*))?$/;

const router = express.Router();

router.post('/previews', async (req, res) => {
  const url = String(req.body.url || '');
  const data = url.match(DATA_URL);
  if (data) return res.json({ kind: 'inline', mediaType: data[1] || 'text/plain' });
  res.json(await previews.fetch(url));
});

module.exports = router;
