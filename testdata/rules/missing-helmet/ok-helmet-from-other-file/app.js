const express = require('express');

const app = express();

require('./middleware/security')(app);

app.use(express.json());

app.get('/api/teams', (req, res) => {
  res.json([]);
});

module.exports = app;
