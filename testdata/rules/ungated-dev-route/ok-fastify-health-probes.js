const fastify = require('fastify')({ logger: true });
const { pool } = require('./db');

let shuttingDown = false;

// Kubernetes probes: liveness says the process is up, readiness says it can
// take traffic (database reachable, not draining).
fastify.route({
  method: 'GET',
  url: '/healthz',
  handler: async () => ({ status: 'ok' }),
});

fastify.route({
  method: 'GET',
  url: '/readyz',
  handler: async (request, reply) => {
    if (shuttingDown) return reply.code(503).send({ status: 'draining' });
    await pool.query('SELECT 1');
    return { status: 'ready' };
  },
});

fastify.get('/api/parcels/:id', async (request) => ({ id: request.params.id, status: 'in transit' }));

process.on('SIGTERM', () => {
  shuttingDown = true;
  fastify.close().then(() => process.exit(0));
});

fastify.listen({ port: 3000, host: '0.0.0.0' });
