const logger = require('./logger');
const app = require('./app');

class AppError extends Error {
  constructor(message, isOperational = true) {
    super(message);
    this.isOperational = isOperational;
  }
}

function isTrustedError(err) {
  return err instanceof AppError && err.isOperational;
}

// "Operational" errors keep the process alive even though they escaped every
// handler: the state after an uncaught exception is unknown either way.
process.on('uncaughtException', (err) => { // expect: swallowed-crash
  logger.error(err);
  if (!isTrustedError(err)) {
    process.exit(1);
  }
});

app.listen(3000);

module.exports = { AppError };
