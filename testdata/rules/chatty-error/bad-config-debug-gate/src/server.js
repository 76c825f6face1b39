// Wires the catalog routes and the error handler.
const express = require('express');
const config = require('./config');
const catalog = require('./routes/catalog');
const errorHandler = require('./error-handler');

const app = express();
app.use('/api/catalog', catalog);
app.use(errorHandler);

app.listen(config.port);
