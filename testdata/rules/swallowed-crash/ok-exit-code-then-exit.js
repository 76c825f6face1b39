const app = require('./app');

const server = app.listen(process.env.PORT || 3000);

process.on('uncaughtException', (err) => {
  console.error(err);
  process.exitCode = 1;
  server.close(() => process.exit());
  setTimeout(() => process.exit(), 5000).unref();
});
