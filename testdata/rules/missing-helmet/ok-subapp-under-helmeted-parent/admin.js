const express = require('express');

const admin = express();
admin.disable('x-powered-by');

admin.get('/', (req, res) => {
  res.send('<h1>Admin</h1>');
});

admin.get('/stats', (req, res) => {
  res.json({ users: 0 });
});

module.exports = admin;
