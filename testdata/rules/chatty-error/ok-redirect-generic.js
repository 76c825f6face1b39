// A failed login redirects with a fixed error code in the query string.
const express = require('express');
const session = require('express-session');
const bcrypt = require('bcrypt');

const users = new Map();
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/login', async (req, res) => {
  try {
    const user = users.get(String(req.body.username));
    if (!user || !(await bcrypt.compare(String(req.body.password), user.hash))) {
      return res.redirect('/login?error=invalid_credentials');
    }
    req.session.user = user.name;
    res.redirect('/');
  } catch (err) {
    console.error(err);
    res.redirect('/login?error=' + encodeURIComponent('server_error'));
  }
});

app.listen(3000);
