const express = require('express');
const session = require('express-session');
const lusca = require('lusca');

const app = express(); // expect: missing-helmet

app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  })
);
// CSRF only: no CSP, no frame options, no HSTS, no nosniff.
app.use(lusca.csrf());

app.get('/account', (req, res) => {
  res.send(`<form method="post"><input type="hidden" name="_csrf" value="${res.locals._csrf}"></form>`);
});

app.listen(3000);
