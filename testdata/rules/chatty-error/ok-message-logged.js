// The error's message and stack go to the logger only; the response is generic.
const express = require('express');
const winston = require('winston');
const { execFile } = require('child_process');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();

app.post('/admin/reindex', (req, res) => {
  execFile('/usr/local/bin/reindex', ['--all'], (err) => {
    if (err) {
      logger.info(err.message);
      logger.warn(`reindex failed: ${err.stack}`);
      return res.status(500).json({ error: 'Reindex failed' });
    }
    res.json({ ok: true });
  });
});

app.listen(3000);
