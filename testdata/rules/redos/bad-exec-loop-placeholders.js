'use strict';

const express = require('express');

const mailer = require('./mailer');

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

const router = express.Router();

router.post('/templates/preview', (req, res) => {
  const source = req.body.template;
  const names = [];
  let m;
  while ((m = PLACEHOLDER.exec(source)) !== null) { // expect: redos
    names.push(m[1].trim());
  }
  res.json({ placeholders: names, html: mailer.preview(source, req.body.sample || {}) });
});

module.exports = router;
