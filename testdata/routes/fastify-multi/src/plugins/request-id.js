const fp = require('fastify-plugin');
const { randomUUID } = require('node:crypto');

async function requestId(fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
    const id = request.headers['x-request-id'] || randomUUID();
    request.requestId = id;
    reply.header('x-request-id', id);
  });
}

module.exports = fp(requestId, { name: 'request-id' });
