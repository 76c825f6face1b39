// A Fastify error handler sends error.message with a 500.
const fastify = require('fastify')({ logger: true });

fastify.get('/api/items', async () => {
  return loadItems();
});

async function loadItems() {
  throw new Error('connect ECONNREFUSED 10.0.0.12:5432');
}

fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.status(500).send({ error: error.message }); // expect: chatty-error
});

fastify.listen({ port: 3000, host: '0.0.0.0' });
