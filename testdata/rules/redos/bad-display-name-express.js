'use strict';

const express = require('express');

const profiles = require('./profiles');

const router = express.Router();

// Letters and digits, words separated by single spaces.
const DISPLAY_NAME = /^([a-zA-Z0-9]+\s?)+$/; // expect: redos

router.put('/me/display-name', async (req, res, next) => {
  try {
    const { displayName } = req.body;
    if (typeof displayName !== 'string' || !DISPLAY_NAME.test(displayName)) {
      return res.status(400).json({ error: 'invalid display name' });
    }
    await profiles.update(req.user.id, { displayName });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
