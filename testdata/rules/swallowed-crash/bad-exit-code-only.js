const app = require('./app');
const logger = require('./logger');

const server = app.listen(process.env.PORT || 3000);

// Sets the code the process will exit with *some day*; the listening server
// keeps it alive, so it never exits.
process.on('uncaughtException', (err) => { // expect: swallowed-crash
  logger.error(err);
  process.exitCode = 1;
});

module.exports = server;
