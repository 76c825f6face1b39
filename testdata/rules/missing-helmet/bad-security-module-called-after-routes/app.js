const express = require('express');
const { secure } = require('./security');
const messages = require('./routes');

const app = express(); // expect: missing-helmet

app.use(express.json());
app.use('/api/messages', messages);

// Called after the routes are mounted: protects nothing that is served above.
secure(app);

module.exports = app;
