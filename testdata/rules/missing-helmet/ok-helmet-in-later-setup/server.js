const http = require('http');
const express = require('express');
const helmet = require('helmet');

const { connectDb } = require('./db');
const ordersRouter = require('./routes/orders');

const app = express();
// Created up front: the graceful-shutdown handler below needs the server
// object before the database is ready.
const server = http.createServer(app);

process.on('SIGTERM', () => server.close(() => process.exit(0)));

// Middleware and routes go on only once the database is connected.
function setup() {
  app.use(helmet());
  app.use(express.json());
  app.use('/api/orders', ordersRouter);

  const port = Number(process.env.PORT) || 3000;
  server.listen(port, () => console.log(`orders service on ${port}`));
}

connectDb(setup);

module.exports = { app, server };
