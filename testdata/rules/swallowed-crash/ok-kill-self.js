const app = require('./app');

const server = app.listen(process.env.PORT || 3000);

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});

// Route fatal errors through the normal SIGTERM shutdown path.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection:', reason);
  process.kill(process.pid, 'SIGTERM');
});
