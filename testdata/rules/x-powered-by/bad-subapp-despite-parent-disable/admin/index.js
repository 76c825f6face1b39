const express = require('express');
const basicAuth = require('express-basic-auth');

const admin = express(); // expect: x-powered-by

admin.set('view engine', 'pug');
admin.set('views', `${__dirname}/views`);

admin.use(
  basicAuth({
    users: { admin: process.env.ADMIN_PASSWORD },
    challenge: true,
  })
);

admin.get('/', (req, res) => {
  res.render('dashboard', { user: req.auth.user });
});

module.exports = admin;
