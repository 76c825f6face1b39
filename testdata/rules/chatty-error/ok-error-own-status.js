// The error's own status, with no 5xx written for it: http-errors' client errors carry a 4xx.
const express = require('express');
const createError = require('http-errors');

const app = express();

app.get('/items/:id', (req, res, next) => {
  if (!/^\d+$/.test(req.params.id)) return next(createError(400, 'id must be a number'));
  res.json({ id: Number(req.params.id) });
});

app.use((err, req, res, next) => {
  res.status(err.status).json({ error: err.message });
});

app.listen(3000);
