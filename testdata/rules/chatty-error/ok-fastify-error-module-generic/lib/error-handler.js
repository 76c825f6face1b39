// Fastify error handler: 4xx errors keep their message, 5xx get a fixed body.
function errorHandler(error, request, reply) {
  const statusCode = error.statusCode || 500;
  if (statusCode < 500) {
    return reply.status(statusCode).send({ statusCode, error: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  reply.status(500).send({ statusCode: 500, error: 'Internal Server Error' });
}

module.exports = errorHandler;
