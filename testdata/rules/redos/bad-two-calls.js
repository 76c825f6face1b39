'use strict';

const express = require('express');

const listings = require('./listings');

// One pattern, applied to two fields: each call is its own finding.
const TRAILING_DOTS = /\.+$/;

const router = express.Router();

router.post('/listings', async (req, res) => {
  const title = req.body.title.replace(TRAILING_DOTS, ''); // expect: redos
  const summary = req.body.summary.replace(TRAILING_DOTS, ''); // expect: redos
  res.status(201).json(await listings.create({ title, summary }));
});

module.exports = router;
