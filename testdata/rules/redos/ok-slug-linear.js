'use strict';

const express = require('express');

const articles = require('./articles');

// Nested repetition, but every repetition starts with a "-": there is only
// one way to match any string.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const router = express.Router();

router.get('/blog/:slug', async (req, res) => {
  if (!SLUG.test(req.params.slug)) return res.status(404).send('Not found');
  const article = await articles.bySlug(req.params.slug);
  if (!article) return res.status(404).send('Not found');
  res.render('article', { article });
});

module.exports = router;
