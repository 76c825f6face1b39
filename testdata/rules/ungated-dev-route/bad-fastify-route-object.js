const fastify = require('fastify')({ logger: true });

fastify.route({
  method: 'GET',
  url: '/api/parcels/:id',
  handler: async (request) => ({ id: request.params.id, status: 'in transit' }),
});

// Shows the process environment so config problems can be diagnosed from a
// browser. Also shows the database password and the API keys.
fastify.route({ // expect: ungated-dev-route
  method: 'GET',
  url: '/debug/env',
  handler: async (request, reply) => {
    reply.send(process.env);
  },
});

fastify.listen({ port: 3000 }, (err) => {
  if (err) {
    fastify.log.error(err);
    process.exit(1);
  }
});
