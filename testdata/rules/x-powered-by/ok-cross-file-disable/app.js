const express = require('express');

const app = express();

require('./config/express')(app);

app.get('/api/articles', (req, res) => {
  res.json({ articles: [] });
});

module.exports = app;
