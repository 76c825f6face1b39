const fp = require('fastify-plugin');

const API_TOKEN = process.env.API_TOKEN || 'dev-token';

async function auth(request, reply) {
  if (request.headers.authorization !== `Bearer ${API_TOKEN}`) {
    reply.code(401).send({ error: 'unauthorized' });
  }
}

async function authPlugin(fastify) {
  fastify.decorate('authenticate', auth);
}

module.exports = fp(authPlugin, { name: 'auth' });
module.exports.auth = auth;
