'use strict';

const express = require('express');

const profiles = require('./profiles');

const router = express.Router();

router.put('/profile/bio', async (req, res) => {
  const bio = String(req.body.bio || '');
  if (bio.length > 2000) return res.status(413).json({ error: 'bio is too long' });
  const clean = bio.replace(/\s+$/, '');
  await profiles.update(req.user.id, { bio: clean });
  res.status(204).end();
});

module.exports = router;
