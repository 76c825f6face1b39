import Fastify from 'fastify';

const app = Fastify();
const manual = 'Install the package, then run the server.';

app.post('/manual/find', async (request) => {
  const { term } = request.body as { term: string };
  return { index: manual.search(term) }; // expect: regex-injection
});

app.listen({ port: 3000 });
