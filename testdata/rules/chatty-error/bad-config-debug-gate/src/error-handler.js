// Sends the message and stack when config.debug is on (the default), a generic 500 otherwise.
const pino = require('pino');
const config = require('./config');

const logger = pino();

module.exports = function errorHandler(err, req, res, next) {
  logger.error(err);
  if (config.debug) {
    return res.status(500).json({ error: err.message, stack: err.stack }); // expect: chatty-error
  }
  res.status(500).json({ error: 'Internal Server Error' });
};
