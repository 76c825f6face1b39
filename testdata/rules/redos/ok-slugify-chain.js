const express = require('express');
const router = express.Router();

// The first replace collapses every run of separators into one dash, so the
// trailing-dash regex never meets a long run of dashes.
router.post('/articles', (req, res) => {
  const slug = req.body.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
  res.json({ slug });
});

module.exports = router;
