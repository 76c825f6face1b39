'use strict';

const express = require('express');
const cors = require('cors');
const morgan = require('morgan');

const app = express(); // expect: missing-helmet
app.disable('x-powered-by');

app.use(morgan('combined'));
app.use(cors());
app.use(express.json());

app.get('/api/recipes', (req, res) => {
  res.json([]);
});

app.post('/api/recipes', (req, res) => {
  res.status(201).json({ id: 1, title: String(req.body.title || '') });
});

app.listen(process.env.PORT || 3000, () => {
  console.log('recipes api up');
});
