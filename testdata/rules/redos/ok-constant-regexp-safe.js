'use strict';

const express = require('express');

const tags = require('./tags');

const WORD = '[a-z0-9]+';
const SLUG = new RegExp('^' + WORD + '(?:-' + WORD + ')*$', 'i');
const COLOR = new RegExp(`^#(?:[0-9a-f]{3}){1,2}$`, 'i');

const router = express.Router();

router.post('/tags', async (req, res) => {
  const slug = String(req.body.slug || '');
  const color = String(req.body.color || '#888');
  if (!SLUG.test(slug) || !COLOR.test(color)) {
    return res.status(400).json({ error: 'invalid tag' });
  }
  res.status(201).json(await tags.create({ slug, color }));
});

module.exports = router;
