const app = require('./app');

process.on('uncaughtException', (err) => {
  if (process.env.NODE_ENV !== 'production') {
    console.error(err.stack);
  } else {
    console.error(JSON.stringify({ level: 'fatal', message: err.message }));
  }
  process.exit(1);
});

app.listen(process.env.PORT || 3000);
