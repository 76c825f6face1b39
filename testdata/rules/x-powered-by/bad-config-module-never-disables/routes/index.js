const express = require('express');

const router = express.Router();

router.get('/articles', (req, res) => {
  res.json({ articles: [] });
});

router.get('/articles/:slug', (req, res) => {
  res.status(404).json({ error: `no article ${req.params.slug}` });
});

module.exports = router;
