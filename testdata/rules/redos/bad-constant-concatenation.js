'use strict';

const express = require('express');

const tags = require('./tags');

// Built once at startup from constant pieces.
const WORD = '[a-z0-9]+';
const SLUG = new RegExp('^(' + WORD + '-?)+$', 'i'); // expect: redos

const router = express.Router();

router.post('/tags', async (req, res) => {
  const slug = String(req.body.slug || '');
  if (!SLUG.test(slug)) {
    return res.status(400).json({ error: 'slug must be letters, digits and dashes' });
  }
  res.status(201).json(await tags.create(slug));
});

module.exports = router;
