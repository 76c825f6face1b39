// A Fastify route compresses an export in a zlib callback that throws on error, outside Fastify's handling.
const fastify = require('fastify')({ logger: true });
const zlib = require('zlib');

const customers = [
  { id: 1, name: 'Ada' },
  { id: 2, name: 'Grace' },
];

fastify.get('/export.csv', (request, reply) => {
  const csv = ['id,name', ...customers.map((c) => `${c.id},${c.name}`)].join('\n');
  zlib.gzip(csv, (err, zipped) => {
    if (err) throw err; // expect: swallowed-crash
    reply.header('content-type', 'text/csv').header('content-encoding', 'gzip').send(zipped);
  });
});

fastify.listen({ port: 3000 });
