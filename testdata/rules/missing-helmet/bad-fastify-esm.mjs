import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify({ logger: true }); // expect: missing-helmet

await app.register(cors, { origin: ['https://app.example.com'] });

app.get('/api/health', async () => ({ ok: true }));

app.get('/api/projects/:id', async (request, reply) => {
  return reply.send({ id: request.params.id });
});

await app.listen({ port: 3000, host: '0.0.0.0' });
