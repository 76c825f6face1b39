const path = require('node:path');
const fastify = require('fastify');
const autoload = require('@fastify/autoload');

function buildApp(opts = {}) {
  const app = fastify(opts);

  app.register(require('@fastify/cors'), { origin: process.env.CORS_ORIGIN || false });

  // Shared plugins (fastify-plugin wrapped): the request id hook, the authenticate decorator.
  app.register(autoload, { dir: path.join(__dirname, 'plugins') });

  app.get('/health', async () => ({ status: 'ok' }));

  app.register(require('./routes/users'), { prefix: '/users' });

  return app;
}

module.exports = buildApp;
