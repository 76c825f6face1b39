'use strict';

const express = require('express');
const debug = require('debug')('app:client-log');

const app = express();
app.use(express.json({ limit: '256kb' }));

// Browser errors forwarded by the front end, folded onto one line the way
// debug 2.6.8's %o formatter did (CVE-2017-16137).
app.post('/client-log', (req, res) => {
  const line = String(req.body.message).replace(/\s*\n\s*/g, ' '); // expect: redos
  debug('%s %s', req.ip, line);
  res.status(204).end();
});

app.listen(3000);
