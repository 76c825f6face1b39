import app from './app.mjs';

const port = Number(process.env.PORT ?? 3000);

const server = app.listen(port, () => {
  console.log(`orders service on :${port}`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
