// Response helpers; sendError logs the error and sends a generic 500.
const pino = require('pino');

const logger = pino();

function sendError(res, err) {
  logger.error({ err }, 'request failed');
  res.status(500).json({ error: 'Internal server error' });
}

function sendOk(res, data) {
  res.json({ ok: true, data });
}

module.exports = { sendError, sendOk };
