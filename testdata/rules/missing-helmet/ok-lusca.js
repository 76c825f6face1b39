const express = require('express');
const session = require('express-session');
const lusca = require('lusca');

const app = express();

app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  })
);
app.use(
  lusca({
    csrf: true,
    csp: { policy: { 'default-src': "'self'" } },
    xframe: 'SAMEORIGIN',
    hsts: { maxAge: 31536000, includeSubDomains: true },
    nosniff: true,
    referrerPolicy: 'same-origin',
  })
);

app.get('/account', (req, res) => {
  res.send('<h1>Account</h1>');
});

app.listen(3000);
