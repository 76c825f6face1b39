'use strict';

const express = require('express');

const profiles = require('./profiles');

const router = express.Router();

router.put('/profile/headline', async (req, res) => {
  // Headlines are at most 120 characters; cut before any regex runs.
  const headline = String(req.body.headline || '').slice(0, 120);
  await profiles.update(req.user.id, { headline: headline.replace(/\s+$/, '') });
  res.status(204).end();
});

module.exports = router;
