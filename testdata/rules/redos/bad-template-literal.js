'use strict';

const express = require('express');

const certificates = require('./certificates');

const router = express.Router();

router.post('/certificates', async (req, res) => {
  const fullName = `${req.body.firstName} ${req.body.lastName}`;
  // markdown-it 12.3.0 trimmed pending spaces with / +$/ (CVE-2022-21670).
  const holder = fullName.replace(/ +$/, ''); // expect: redos
  const pdf = await certificates.render({ holder, course: String(req.body.course) });
  res.type('application/pdf').send(pdf);
});

module.exports = router;
