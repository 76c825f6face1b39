const app = require('./app');

const server = app.listen(process.env.PORT || 3000);

process.on('uncaughtException', (err) => { // expect: swallowed-crash
  if (err.code === 'EADDRINUSE') {
    console.error(`port ${process.env.PORT || 3000} is taken`);
    process.exit(1);
  }
  // every other error: logged and ignored
  console.error(err);
});

module.exports = server;
