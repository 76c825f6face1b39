const pino = require('pino');
const app = require('./app');

const logger = pino();

function onFatalError(err) {
  logger.fatal({ err }, 'fatal error, please investigate');
  // TODO: alerting
}

process.on('uncaughtException', onFatalError); // expect: swallowed-crash

app.listen(process.env.PORT || 3000, () => logger.info('listening'));
