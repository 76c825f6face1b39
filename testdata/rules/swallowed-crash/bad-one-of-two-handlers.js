const app = require('./app');
const logger = require('./logger');

process.on('uncaughtException', (err) => {
  logger.fatal(err);
  process.exit(1);
});

process.on('unhandledRejection', (reason) => { // expect: swallowed-crash
  logger.error({ reason }, 'unhandled rejection');
});

app.listen(process.env.PORT || 3000);
