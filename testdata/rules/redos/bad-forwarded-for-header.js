'use strict';

const express = require('express');
const rateLimit = require('./rate-limit');

const app = express();

// The first address in X-Forwarded-For is the client, as far as the proxy knows.
app.use(async (req, res, next) => {
  const forwarded = req.header('x-forwarded-for') || '';
  const client = forwarded.split(/\s*,\s*/)[0] || req.socket.remoteAddress; // expect: redos
  if (await rateLimit.exceeded(client)) return res.status(429).end();
  next();
});

app.get('/', (req, res) => res.send('ok'));

app.listen(3000);
