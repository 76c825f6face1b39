const express = require('express');

const users = [{ name: 'ada' }, { name: 'linus' }];
const app = express();

app.get('/users', (req, res) => {
  res.json(users.find((u) => u.name === req.query.name) || null);
});

app.listen(3000);
