// A router module: routers are not applications; the app that mounts this
// router decides the headers.
const express = require('express');

const router = express.Router();

router.get('/', (req, res) => {
  res.json({ invoices: [] });
});

module.exports = router;
