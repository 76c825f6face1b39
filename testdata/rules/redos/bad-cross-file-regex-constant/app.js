'use strict';

const express = require('express');

const { LANGUAGE } = require('./lib/accept-language');

const SUPPORTED = new Set(['en', 'de', 'fr']);

const app = express();

app.use((req, res, next) => {
  const header = req.get('accept-language') || '';
  const match = LANGUAGE.exec(header); // expect: redos
  const lang = match && SUPPORTED.has(match[1].toLowerCase()) ? match[1].toLowerCase() : 'en';
  res.locals.lang = lang;
  next();
});

app.get('/', (req, res) => res.render('home'));

app.listen(3000);
