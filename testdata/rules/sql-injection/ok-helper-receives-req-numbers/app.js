const express = require('express');
const session = require('express-session');
const { loadFeed } = require('./lib/feed');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.get('/feed', async (req, res) => {
  res.json(await loadFeed(req));
});

app.listen(3000);
