const app = require('./app');

const server = app.listen(process.env.PORT || 3000);

// Not crash events: logging them and carrying on is fine.
process.on('warning', (warning) => {
  console.warn(warning.name, warning.message);
});

process.on('SIGHUP', () => {
  console.log('reloading configuration');
});

process.on('exit', (code) => {
  console.log(`exiting with code ${code}`);
});

process.on('SIGINT', () => {
  server.close(() => process.exit(0));
});
