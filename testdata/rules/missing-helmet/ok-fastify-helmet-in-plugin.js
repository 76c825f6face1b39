'use strict';

const Fastify = require('fastify');
const fp = require('fastify-plugin');

const app = Fastify({ logger: true });

// fastify-plugin skips encapsulation, so the helmet hooks registered inside
// this plugin apply to the root instance and to every route below.
app.register(
  fp(async (f) => {
    await f.register(require('@fastify/helmet'));
  })
);

app.get('/', async (request, reply) => {
  reply.type('text/html').send('<!doctype html><title>Status</title><p>ok</p>');
});

app.get('/api/uptime', async () => ({ uptime: process.uptime() }));

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
