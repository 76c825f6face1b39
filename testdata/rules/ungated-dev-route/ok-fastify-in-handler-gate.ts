import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { Queue } from 'bullmq';

const app = Fastify({ logger: true });
const emails = new Queue('emails', { connection: { host: process.env.REDIS_HOST ?? 'localhost' } });

app.get('/api/newsletters', async () => []);

// Queue internals for whoever is debugging a stuck job; hidden unless the
// process was started with ENABLE_DEBUG=true.
app.get('/debug/queues', async (_request: FastifyRequest, reply: FastifyReply) => {
  if (process.env.ENABLE_DEBUG !== 'true') return reply.code(404).send();

  const counts = await emails.getJobCounts('waiting', 'active', 'failed');
  return reply.send({ emails: counts });
});

app.listen({ port: Number(process.env.PORT ?? 3000) }).catch((err) => {
  app.log.error(err);
  process.exit(1);
});
