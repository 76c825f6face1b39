import Fastify from 'fastify';

// Fastify refuses bodies over `bodyLimit` (here 4 KiB) with 413.
const app = Fastify({ bodyLimit: 4096 });

app.post('/notes', async (request) => {
  const text = request.body.text.replace(/\s+$/, '');
  return { text };
});

await app.listen({ port: 3000 });
