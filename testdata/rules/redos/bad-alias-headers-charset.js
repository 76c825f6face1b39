'use strict';

const express = require('express');

// charset 1.0.0's CHARTSET_RE (CVE-2017-16098).
const CHARSET = /(?:charset|encoding)\s*=\s*['"]? *([\w\-]+)/i;

const app = express();

app.post('/import', express.text({ type: '*/*', limit: '5mb' }), (req, res) => {
  const h = req.headers;
  const found = (h['content-type'] || '').match(CHARSET); // expect: redos
  const charset = found ? found[1].toLowerCase() : 'utf-8';
  res.json({ charset, bytes: Buffer.byteLength(req.body || '') });
});

app.listen(3000);
