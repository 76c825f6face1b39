const pino = require('pino');
const logger = pino();

// `fatal` is a log level, not an exit: the process keeps running.
process.on('uncaughtException', (err) => { // expect: swallowed-crash
  logger.fatal({ err }, 'uncaught exception');
});
