const express = require('express');
const applySecurity = require('./security');

const app = express(); // expect: missing-helmet

app.use(express.json());

app.get('/api/projects', (req, res) => {
  res.json({ projects: [] });
});

app.post('/api/projects', (req, res) => {
  res.status(201).json({ name: String(req.body.name || '') });
});

module.exports = app;
