'use strict';

const express = require('express');

const articles = require('./articles');

const router = express.Router();

router.put('/articles/:id/keywords', async (req, res) => {
  // "Node; Security ; ReDoS" -> ['node', 'security', 'redos']
  const keywords = req.body.keywords.toLowerCase().trim().split(/\s*;\s*/); // expect: redos
  await articles.setKeywords(req.params.id, keywords.filter(Boolean));
  res.status(204).end();
});

module.exports = router;
