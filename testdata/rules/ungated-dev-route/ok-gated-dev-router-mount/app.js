const express = require('express');
const session = require('express-session');

const usersRouter = require('./routes/users');
const devRouter = require('./routes/dev');

const app = express();

app.use(express.json());
app.use(
  session({
    secret: process.env.SESSION_SECRET || 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  })
);

app.use('/api', usersRouter);

// Local tooling only: put ENABLE_DEV_ROUTES=true in your .env.local.
if (process.env.ENABLE_DEV_ROUTES === 'true') {
  app.use('/api', devRouter);
}

module.exports = app;
