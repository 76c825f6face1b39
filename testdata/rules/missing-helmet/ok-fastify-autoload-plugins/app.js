'use strict';

const path = require('node:path');
const Fastify = require('fastify');
const autoload = require('@fastify/autoload');

const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' } });

// Shared plugins first (helmet, db, ...), then the route folders.
app.register(autoload, {
  dir: path.join(__dirname, 'plugins'),
});

app.register(autoload, {
  dir: path.join(__dirname, 'routes'),
  options: { prefix: '/api' },
});

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' }, (err) => {
  if (err) {
    app.log.error(err);
    process.exit(1);
  }
});
