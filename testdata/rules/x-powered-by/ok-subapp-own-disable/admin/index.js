const express = require('express');

// A mounted sub-app keeps its own settings, so it turns the header off too.
const admin = express();
admin.disable('x-powered-by');

admin.get('/', (req, res) => {
  res.send('<h1>Admin</h1>');
});

admin.get('/stats', (req, res) => {
  res.json({ users: 0, orders: 0 });
});

module.exports = admin;
