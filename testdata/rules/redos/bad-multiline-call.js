'use strict';

const express = require('express');

const comments = require('./comments');

const router = express.Router();

router.post('/articles/:id/comments', async (req, res) => {
  const body = req.body.comment // expect: redos
    .replace(/\s+$/, '');
  if (!body) return res.status(400).json({ error: 'empty comment' });
  res.status(201).json(await comments.add(req.params.id, body));
});

module.exports = router;
