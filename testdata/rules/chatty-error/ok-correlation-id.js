// The error is logged under a correlation id; the client gets a generic message and the id.
const express = require('express');
const crypto = require('crypto');
const pino = require('pino');

const logger = pino();
const app = express();

app.get('/api/reports/:id', async (req, res, next) => {
  try {
    throw new Error(`report ${req.params.id} not generated: disk /data full`);
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  const id = crypto.randomUUID();
  logger.error({ err, id }, 'unhandled error');
  res.status(500).json({ error: 'Internal error', id });
});

app.listen(3000);
