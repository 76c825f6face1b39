function install({ logger, server }) {
  const exitAfterClose = (code) => {
    server.close(() => process.exit(code));
    setTimeout(() => process.exit(code), 8000).unref();
  };

  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    exitAfterClose(1);
  });

  process.on('unhandledRejection', (reason) => {
    logger.fatal({ reason }, 'unhandled rejection');
    exitAfterClose(1);
  });
}

module.exports = { install };
