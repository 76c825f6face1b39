'use strict';

const path = require('node:path');
const Fastify = require('fastify');
const autoload = require('@fastify/autoload');

const app = Fastify({ logger: true }); // expect: missing-helmet

// Everything under plugins/ is shared with the routes loaded after it.
app.register(autoload, {
  dir: path.join(__dirname, 'plugins'),
});

app.register(autoload, {
  dir: path.join(__dirname, 'routes'),
  options: { prefix: '/api' },
});

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
