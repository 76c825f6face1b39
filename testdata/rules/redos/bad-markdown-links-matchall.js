'use strict';

const express = require('express');

const linkCheck = require('./link-check');

const router = express.Router();

const LINK = /\[([^\]]+)\]\(([^)]+)\)/g;

router.post('/docs/preview', async (req, res) => {
  const links = [];
  for (const m of String(req.body.markdown).matchAll(LINK)) { // expect: redos
    links.push({ text: m[1], href: m[2] });
  }
  const broken = await linkCheck.findBroken(links.map((l) => l.href));
  res.json({ links, broken });
});

module.exports = router;
