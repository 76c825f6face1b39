const express = require('express');
const { harden } = require('./security');

const app = express(); // expect: x-powered-by

// TODO: turn the hardening on once the admin UI works with the CSP.

app.use(express.json());

app.get('/api/projects', (req, res) => {
  res.json({ projects: [] });
});

app.post('/api/projects', (req, res) => {
  res.status(201).json({ id: 1, name: String(req.body.name || '') });
});

app.listen(process.env.PORT || 3000);
