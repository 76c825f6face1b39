// Fastify error handler: the error's status, or 500, with error.message in the body.
function errorHandler(error, request, reply) {
  request.log.error({ err: error }, 'request failed');
  const statusCode = error.statusCode || 500;
  reply.status(statusCode).send({ statusCode, error: error.message }); // expect: chatty-error
}

module.exports = errorHandler;
