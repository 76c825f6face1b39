// reply.send(err) hands the error to Fastify's error handler, as next(err) does in Express.
const fastify = require('fastify')({ logger: true });
const { lookup } = require('./geo');

fastify.get('/geo/:ip', async (request, reply) => {
  try {
    return await lookup(request.params.ip);
  } catch (err) {
    reply.send(err);
  }
});

fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.status(500).send({ error: 'Internal Server Error' });
});

fastify.listen({ port: 3000 });
