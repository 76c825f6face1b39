'use strict';

const express = require('express');
const path = require('path');

const app = express();

const TYPES = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf', txt: 'text/plain' };

// The extension lookup of mime 1.4.0 (CVE-2017-16138): unanchored, so .*
// is retried from every position of a string without dots or slashes.
app.get('/files/:name', (req, res) => {
  const ext = req.params.name.replace(/.*[\.\/\\]/, '').toLowerCase(); // expect: redos
  res.type(TYPES[ext] || 'application/octet-stream');
  res.sendFile(path.join(__dirname, 'files', path.basename(req.params.name)));
});

app.listen(3000);
