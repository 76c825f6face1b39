'use strict';

const express = require('express');

const profiles = require('./profiles');

const app = express();
app.use(express.json({ limit: '1mb' }));

app.put('/profile', async (req, res, next) => {
  try {
    // Drop trailing whitespace the rich-text editor leaves behind.
    const name = req.body.name.replace(/\s+$/, ''); // expect: redos
    await profiles.update(req.user.id, { name });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
