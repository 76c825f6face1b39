const express = require('express');
const pino = require('pino');
const crashHandlers = require('./lib/crash-handlers');

const logger = pino();
const app = express();
app.get('/api/health', (req, res) => res.json({ ok: true }));

const server = app.listen(process.env.PORT || 3000, () => logger.info('listening'));
crashHandlers.install({ logger, server });
