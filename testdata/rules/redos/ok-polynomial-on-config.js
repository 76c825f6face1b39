'use strict';

const express = require('express');

const config = require('./config');

const app = express();

// Operator-provided text, read once: the regex is slow on long whitespace
// runs, but no client can send it one.
const banner = config.banner.replace(/\s+$/, '');
const footer = String(config.footer || '').replace(/^\s+|\s+$/g, '');

app.get('/', (req, res) => {
  res.render('home', { banner, footer });
});

app.listen(config.port);
