const express = require('express');
const helmet = require('helmet');

const usersRouter = require('./routes/users');
const sessionsRouter = require('./routes/sessions');

const app = express(); // expect: x-powered-by

app.use(express.json());
app.use('/api/users', usersRouter);
app.use('/api/sessions', sessionsRouter);
app.get('/', (req, res) => res.redirect('/api/users'));

// Registered after every route: the routes above have already answered,
// so this never runs for them.
app.use(helmet());

app.use((req, res) => res.status(404).json({ error: 'not found' }));

module.exports = app;
