import Fastify from 'fastify';

// A 10 MiB body limit: the trim blocks the event loop for minutes.
const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });

app.post('/notes', async (request) => {
  const text = request.body.text.replace(/\s+$/, ''); // expect: redos
  return { text };
});

await app.listen({ port: 3000 });
