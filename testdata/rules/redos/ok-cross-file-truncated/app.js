'use strict';

const express = require('express');

const { TRAILING_SPACE, MAX_TITLE } = require('./lib/text');
const todos = require('./todos');

const app = express();
app.use(express.json());

app.post('/todos', async (req, res) => {
  const title = String(req.body.title || '').slice(0, MAX_TITLE);
  res.status(201).json(await todos.create(title.replace(TRAILING_SPACE, '')));
});

app.listen(3000);
