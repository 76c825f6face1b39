'use strict';

const express = require('express');
const RE2 = require('re2');

const TRAILING_SPACE = new RE2(/\s+$/);

const app = express();
app.use(express.json());

app.put('/profile', (req, res) => {
  const name = req.body.name.replace(TRAILING_SPACE, '');
  res.json({ name });
});

app.listen(3000);
