'use strict';

const express = require('express');

const comments = require('./comments');

const router = express.Router();

router.post('/posts/:id/comments', async (req, res) => {
  const text = String(req.body.text || '');
  if (text.length <= 5000) {
    const body = text.replace(/^\s+|\s+$/g, '');
    const comment = await comments.add(req.params.id, body);
    return res.status(201).json(comment);
  }
  res.status(413).json({ error: 'comment is too long' });
});

module.exports = router;
