const mongoose = require('mongoose');
const app = require('./app');
const logger = require('./logger');

const server = app.listen(process.env.PORT || 3000);

function shutdown(code) {
  // Stop accepting connections, let in-flight requests finish, then exit.
  server.close(() => {
    mongoose.connection.close(false).finally(() => process.exit(code));
  });
  // Don't wait forever for keep-alive connections.
  setTimeout(() => process.exit(code), 10_000).unref();
}

process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception');
  shutdown(1);
});

process.on('unhandledRejection', (reason) => {
  logger.fatal({ reason }, 'unhandled rejection');
  shutdown(1);
});

process.on('SIGTERM', () => shutdown(0));
