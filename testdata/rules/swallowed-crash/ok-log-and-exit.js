const app = require('./app');
const logger = require('./logger');

process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception, exiting');
  process.exit(1);
});

process.on('unhandledRejection', (reason) => {
  logger.fatal({ reason }, 'unhandled rejection, exiting');
  process.exit(1);
});

app.listen(process.env.PORT || 3000);
