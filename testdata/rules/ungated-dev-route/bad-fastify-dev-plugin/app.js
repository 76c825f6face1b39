'use strict';

const Fastify = require('fastify');

function buildApp() {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' } });

  app.register(require('./plugins/orders'), { prefix: '/api/orders' });

  // Local helpers, grouped under /dev so they are "easy to spot".
  app.register(require('./plugins/dev-tools'), { prefix: '/dev' }); // expect: ungated-dev-route

  return app;
}

const app = buildApp();

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' }, (err) => {
  if (err) {
    app.log.error(err);
    process.exit(1);
  }
});
