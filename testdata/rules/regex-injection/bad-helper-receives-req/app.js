const express = require('express');
const { filterLines, firstMatch } = require('./lib/log-filter');

const app = express();

app.get('/logs', (req, res) => {
  res.json(filterLines(req));
});

app.get('/logs/first/:needle', (req, res) => {
  res.json({ line: firstMatch(req) ?? null });
});

app.listen(3000);
