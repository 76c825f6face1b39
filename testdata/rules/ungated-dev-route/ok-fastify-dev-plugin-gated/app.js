'use strict';

const Fastify = require('fastify');

function buildApp() {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' } });

  app.register(require('./plugins/orders'), { prefix: '/api/orders' });

  // Local helpers, only for `NODE_ENV=development npm run dev`.
  if (process.env.NODE_ENV === 'development') {
    app.register(require('./plugins/dev-tools'), { prefix: '/dev' });
  }

  return app;
}

const app = buildApp();

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' }, (err) => {
  if (err) {
    app.log.error(err);
    process.exit(1);
  }
});
