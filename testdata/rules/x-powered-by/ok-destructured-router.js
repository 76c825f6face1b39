const { Router } = require('express');

const router = Router();

router.get('/search', (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q : '';
  res.json({ q, results: [] });
});

module.exports = router;
