const app = require('./app');

const port = process.env.PORT || 3000;
app.listen(port);

process.on('uncaughtException', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`port ${port} is already in use`);
    process.exit(2);
  } else {
    console.error(err);
    process.exit(1);
  }
});
