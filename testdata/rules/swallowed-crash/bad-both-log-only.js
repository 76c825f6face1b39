const express = require('express');
const winston = require('winston');

const logger = winston.createLogger({
  transports: [new winston.transports.Console()],
});

const app = express();
app.get('/', (req, res) => res.send('ok'));

process.on('uncaughtException', (err) => logger.error('uncaught exception', err)); // expect: swallowed-crash
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason)); // expect: swallowed-crash

app.listen(3000);
