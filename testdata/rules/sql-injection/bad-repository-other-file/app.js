const express = require('express');
const repo = require('./repo');

const app = express();

app.get('/accounts', async (req, res) => {
  res.json(await repo.byOwner(req.query.owner));
});

app.listen(3000);
