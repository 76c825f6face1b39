'use strict';

const express = require('express');

const app = express();
app.use(express.urlencoded({ extended: false }));

// (\w+\s?)* rewritten so that a space must separate two words.
const PLAIN_TEXT = /^\w+(?:\s\w+)*$/;

app.post('/feedback', (req, res) => {
  const message = String(req.body.message || '');
  if (!PLAIN_TEXT.test(message)) {
    return res.status(400).send('Please use letters, digits and spaces only.');
  }
  res.redirect(303, '/feedback/thanks');
});

app.listen(process.env.PORT || 3000);
