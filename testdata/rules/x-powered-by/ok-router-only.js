// A router module: express.Router() is not an application and never sends
// X-Powered-By on its own.
const express = require('express');

const router = express.Router();

router.get('/', (req, res) => {
  res.json({ comments: [] });
});

router.post('/', express.json(), (req, res) => {
  res.status(201).json({ id: 42, body: String(req.body.body || '') });
});

module.exports = router;
