import process from 'node:process';
import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/api/health', async () => ({ ok: true }));

process.on('unhandledRejection', (reason, promise) => { // expect: swallowed-crash
  app.log.error({ reason, promise }, 'unhandled rejection');
});

await app.listen({ port: Number(process.env.PORT ?? 3000) });
