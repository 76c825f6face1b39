'use strict';

const crypto = require('crypto');
const express = require('express');

// ssri 6.0.2's STRICT_SRI_REGEX (fix for CVE-2021-27290): one optional
// "?options" group instead of a repeated one.
const SRI = /^([^-]+)-([A-Za-z0-9+/=]{44,88})(\?[\x21-\x7E]*)?$/;

const app = express();

app.put('/artifacts/:name', express.raw({ type: '*/*', limit: '50mb' }), (req, res) => {
  const match = SRI.exec(req.get('x-integrity') || '');
  if (!match || match[1] !== 'sha512') return res.status(400).json({ error: 'sha512 integrity required' });
  const actual = crypto.createHash('sha512').update(req.body).digest('base64');
  res.status(actual === match[2] ? 201 : 422).end();
});

module.exports = app;
