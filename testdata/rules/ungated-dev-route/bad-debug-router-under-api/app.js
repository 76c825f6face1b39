const express = require('express');
const session = require('express-session');

const usersRouter = require('./routes/users');
const debugRouter = require('./routes/debug');

const app = express();

app.use(express.json());
app.use(
  session({
    secret: process.env.SESSION_SECRET || 'keyboard cat',
    resave: false,
    saveUninitialized: false,
  })
);

// Both routers live under /api; the debug one was meant to be temporary.
app.use('/api', usersRouter);
app.use('/api', debugRouter);

module.exports = app;
