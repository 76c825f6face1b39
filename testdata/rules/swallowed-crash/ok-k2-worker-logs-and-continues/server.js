// Starts the thumbnail worker next to a health endpoint.
const express = require('express');
const worker = require('./lib/worker');
const logger = require('./lib/logger');

const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));

worker.start();
app.listen(3000, () => logger.info('listening'));
