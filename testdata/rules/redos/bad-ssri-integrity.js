'use strict';

const crypto = require('crypto');
const express = require('express');

const uploads = require('./uploads');

// Same pattern as ssri 6.0.1's STRICT_SRI_REGEX (CVE-2021-27290): the
// repeated (\?[\x21-\x7E]*) groups can split "???…" in exponentially many ways.
const SRI = /^([^-]+)-([A-Za-z0-9+/=]{44,88})(\?[\x21-\x7E]*)*$/; // expect: redos

const app = express();

app.put('/artifacts/:name', express.raw({ type: '*/*', limit: '50mb' }), async (req, res) => {
  const match = SRI.exec(req.get('x-integrity') || '');
  if (!match) return res.status(400).json({ error: 'missing or malformed x-integrity header' });
  const [, algorithm, expected] = match;
  if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) {
    return res.status(400).json({ error: 'unsupported algorithm' });
  }
  const actual = crypto.createHash(algorithm).update(req.body).digest('base64');
  if (actual !== expected) return res.status(422).json({ error: 'integrity mismatch' });
  await uploads.save(req.params.name, req.body);
  res.status(201).end();
});

module.exports = app;
