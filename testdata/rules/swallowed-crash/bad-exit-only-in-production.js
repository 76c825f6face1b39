const app = require('./app');

// NODE_ENV unset (the default) means this handler only logs.
process.on('uncaughtException', (err) => { // expect: swallowed-crash
  console.error(err.stack);
  if (process.env.NODE_ENV === 'production') {
    process.exit(1);
  }
});

app.listen(process.env.PORT || 3000);
