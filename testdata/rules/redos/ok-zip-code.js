'use strict';

const express = require('express');

const shipping = require('./shipping');

const router = express.Router();

router.post('/shipping/quote', async (req, res) => {
  const zip = String(req.body.zip || '');
  if (!/^\d{5}(-\d{4})?$/.test(zip)) {
    return res.status(400).json({ error: 'zip must be 12345 or 12345-6789' });
  }
  res.json(await shipping.quote(zip, Number(req.body.weight)));
});

module.exports = router;
