const fastify = require('fastify')({ logger: true }); // expect: missing-helmet

// With global: false the headers are only sent by routes that opt in with
// { helmet: ... } in their config, and none does.
fastify.register(require('@fastify/helmet'), { global: false });

fastify.get('/api/items', async () => {
  return [{ id: 1 }];
});

fastify.get('/', async (request, reply) => {
  reply.type('text/html').send('<!doctype html><title>Items</title>');
});

fastify.listen({ port: 3000 }, (err) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
});
