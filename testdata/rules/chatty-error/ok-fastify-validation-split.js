// A Fastify error handler sends schema validation messages with a 400 and a generic 500 otherwise.
const fastify = require('fastify')({ logger: true });

fastify.post('/api/subscribe', {
  schema: {
    body: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email' } },
    },
  },
}, async (request) => {
  return { subscribed: request.body.email };
});

fastify.setErrorHandler((error, request, reply) => {
  if (error.validation) {
    return reply.status(400).send({ error: error.message });
  }
  request.log.error(error);
  reply.status(500).send({ error: 'Internal Server Error' });
});

fastify.listen({ port: 3000 });
