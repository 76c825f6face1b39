// Catalog routes.
const express = require('express');
const config = require('../config');

const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const r = await fetch(`${config.catalogUrl}/products`);
    if (!r.ok) throw new Error(`catalog returned ${r.status}`);
    res.json(await r.json());
  } catch (err) {
    next(err);
  }
});

module.exports = router;
