// A failed login redirects with the error's message in the query string.
const express = require('express');
const session = require('express-session');
const { authenticate } = require('ldap-authentication');

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  try {
    const user = await authenticate({
      ldapOpts: { url: process.env.LDAP_URL },
      userDn: `uid=${req.body.username},ou=people,dc=example,dc=com`,
      userPassword: req.body.password,
    });
    req.session.user = user.uid;
    res.redirect('/');
  } catch (err) {
    res.redirect('/login?error=' + encodeURIComponent(err.message)); // expect: chatty-error
  }
});

app.listen(3000);
