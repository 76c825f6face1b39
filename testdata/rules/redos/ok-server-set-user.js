'use strict';

const express = require('express');

const app = express();

// req.user and req.session are set by the server (passport, express-session),
// not sent by the client.
app.get('/me', (req, res) => {
  if (!req.user) return res.status(401).end();
  const displayName = req.user.displayName.replace(/\s+$/, '');
  const theme = String(req.session.theme || 'light').replace(/^\s+|\s+$/g, '');
  res.json({ displayName, theme });
});

app.listen(3000);
