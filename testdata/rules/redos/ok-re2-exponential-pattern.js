'use strict';

const express = require('express');
const RE2 = require('re2');

// RE2 runs in time linear in the input, whatever the pattern.
const PLAIN_TEXT = new RE2('^(\\w+\\s?)*$');

const app = express();
app.use(express.json());

app.post('/feedback', (req, res) => {
  const message = String(req.body.message || '');
  if (!PLAIN_TEXT.test(message)) return res.status(400).send('letters, digits and spaces only');
  res.status(202).end();
});

app.listen(3000);
