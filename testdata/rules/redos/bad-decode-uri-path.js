'use strict';

const express = require('express');

const redirects = require('./redirects');

const app = express();

// Legacy URLs: look them up without their trailing slashes.
app.use(async (req, res, next) => {
  const key = decodeURIComponent(req.path).replace(/\/+$/, ''); // expect: redos
  const target = await redirects.lookup(key);
  if (target) return res.redirect(301, target);
  next();
});

app.get('/', (req, res) => res.send('Home'));

app.listen(3000);
