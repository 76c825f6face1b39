'use strict';

const express = require('express');

// negotiator 0.6.1's simpleLanguageRegExp (fix for CVE-2016-10539).
const LANGUAGE = /^\s*([^\s\-;]+)(?:-([^\s;]+))?\s*(?:;(.*))?$/;

const SUPPORTED = new Set(['en', 'de', 'fr']);

const app = express();

app.use((req, res, next) => {
  const m = LANGUAGE.exec(req.get('accept-language') || '');
  res.locals.lang = m && SUPPORTED.has(m[1].toLowerCase()) ? m[1].toLowerCase() : 'en';
  next();
});

app.get('/', (req, res) => res.render('home'));

app.listen(3000);
