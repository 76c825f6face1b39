'use strict';

const express = require('express');

const posts = require('./posts');

const router = express.Router();

router.post('/posts', async (req, res) => {
  const tags = Array.isArray(req.body.tags) ? req.body.tags : [];
  const valid = tags.map(String).filter((tag) => /^(\w+-?)+$/.test(tag)); // expect: redos
  const post = await posts.create({ title: String(req.body.title || ''), tags: valid });
  res.status(201).json(post);
});

module.exports = router;
