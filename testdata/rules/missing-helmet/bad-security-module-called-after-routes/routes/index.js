const { Router } = require('express');

const router = Router();

router.get('/', (req, res) => {
  res.json({ messages: [] });
});

module.exports = router;
