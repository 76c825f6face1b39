// Fastify never sends X-Powered-By.
import Fastify from 'fastify';

const users = new Map([['1', { id: '1', name: 'Ada' }]]);

const app = Fastify({ logger: true });

app.get('/api/health', async () => ({ ok: true }));

app.get('/api/users/:id', async (request, reply) => {
  const user = users.get(request.params.id);
  if (!user) return reply.code(404).send({ error: 'not found' });
  return user;
});

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
