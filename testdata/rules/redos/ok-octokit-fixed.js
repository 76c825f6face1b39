'use strict';

const express = require('express');

// @octokit/request 8.4.1's deprecation link pattern (fix for CVE-2025-25290).
const DEPRECATION = /<([^<>]+)>; rel="deprecation"/;

const app = express();

// A webhook relay that passes on deprecation notices from the upstream API.
app.post('/relay', express.json(), (req, res) => {
  const link = req.get('link') || '';
  const m = link.match(DEPRECATION);
  if (m) res.set('x-upstream-deprecation', m[1]);
  res.status(202).end();
});

app.listen(3000);
