'use strict';

const express = require('express');

const app = express();
app.use(express.urlencoded({ extended: false }));

// Words separated by optional whitespace.
const PLAIN_TEXT = new RegExp('^(\\w+\\s?)*$'); // expect: redos

app.post('/feedback', (req, res) => {
  const message = String(req.body.message || '');
  if (!PLAIN_TEXT.test(message)) {
    return res.status(400).send('Please use letters, digits and spaces only.');
  }
  res.redirect(303, '/feedback/thanks');
});

app.listen(process.env.PORT || 3000);
