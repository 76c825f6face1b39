const express = require('express');
const helmet = require('helmet');

const usersRouter = require('./routes/users');
const sessionsRouter = require('./routes/sessions');

const app = express(); // expect: missing-helmet

app.use(express.json());
app.use('/api/users', usersRouter);
app.use('/api/sessions', sessionsRouter);
app.get('/', (req, res) => res.redirect('/api/users'));

// Too late: every route above has already sent its response.
app.use(helmet());

module.exports = app;
