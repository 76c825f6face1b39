const express = require('express');
const { Router } = require('some-router');

const app = express();
const table = new Router();

// A router's `match(method, path)` is not String#match.
app.options('*', (req, res) => {
  const method = req.headers['access-control-request-method'];
  const route = table.match(method, req.path);
  res.sendStatus(route ? 204 : 404);
});

app.listen(3000);
