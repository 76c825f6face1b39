const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/helmet'));

fastify.get('/api/items', async () => {
  return [{ id: 1 }];
});

fastify.listen({ port: 3000 }, (err) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
});
