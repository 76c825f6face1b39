'use strict';

const express = require('express');

const plugins = require('./plugins');

// semver 7.5.1's LOOSE pattern.
const LOOSE = /^[v=\s]*([0-9]+)\.([0-9]+)\.([0-9]+)(?:-?((?:[0-9]+|\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\.(?:[0-9]+|\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const router = express.Router();

router.get('/plugins/:name/compatible', async (req, res) => {
  const m = String(req.query.version).match(LOOSE); // expect: redos
  if (!m) return res.status(400).json({ error: 'version must be semver' });
  const [, major, minor, patch] = m.map(Number);
  res.json(await plugins.compatible(req.params.name, { major, minor, patch }));
});

module.exports = router;
