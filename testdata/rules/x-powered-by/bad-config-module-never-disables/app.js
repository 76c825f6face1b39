const express = require('express');

const configureExpress = require('./config/express');
const routes = require('./routes');

const app = express(); // expect: x-powered-by

configureExpress(app);

app.use('/api', routes);

module.exports = app;
