const app = require('./app');

// Jest sets NODE_ENV=test; every other environment (unset included) exits.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection:', reason);
  if (process.env.NODE_ENV !== 'test') {
    process.exit(1);
  }
});

module.exports = app;
