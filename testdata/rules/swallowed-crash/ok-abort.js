const app = require('./app');

// Crash with a core dump for post-mortem debugging.
process.on('uncaughtException', (err) => {
  console.error('fatal:', err);
  process.abort();
});

app.listen(3000);
