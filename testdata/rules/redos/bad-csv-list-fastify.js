'use strict';

const fastify = require('fastify')({ logger: true });

// "a, b,c": words separated by commas and any amount of whitespace.
const COLUMN_LIST = /^(\s*\w+\s*,?)*$/; // expect: redos

fastify.get('/export', async (request, reply) => {
  const columns = String(request.query.columns || 'id,name');
  if (!COLUMN_LIST.test(columns)) {
    return reply.code(400).send({ error: 'columns must be a comma-separated list' });
  }
  reply.header('content-type', 'text/csv');
  return columns.split(',').map((c) => c.trim()).join(',') + '\n';
});

fastify.listen({ port: 3000 });
