// Installed once at startup by server.js.
function install(logger) {
  process.on('uncaughtException', (err, origin) => { // expect: swallowed-crash
    logger.error({ err, origin }, 'uncaught exception');
  });

  process.on('unhandledRejection', (reason) => {
    // rethrown: becomes an uncaught exception
    throw reason;
  });
}

module.exports = { install };
