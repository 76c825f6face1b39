const app = require('./app');

const port = process.env.PORT || 3000;

app.listen(port, () => {
  console.log(`listening on http://localhost:${port}`);
});

process.on('unhandledRejection', (reason) => {
  console.error(reason);
  process.exit(1);
});
