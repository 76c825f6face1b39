import Fastify from 'fastify';

import { subscribe } from './newsletter.mjs';

const fastify = Fastify({ logger: true });

// A widely copied e-mail pattern: ([a-zA-Z0-9]{2,4})+ can split a run of
// letters into groups of two, three or four in exponentially many ways.
const EMAIL = /^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$/; // expect: redos

fastify.post('/newsletter', async (request, reply) => {
  const email = String(request.body.email ?? '');
  if (!EMAIL.test(email)) {
    return reply.code(400).send({ error: 'invalid e-mail address' });
  }
  await subscribe(email);
  return reply.code(202).send({ ok: true });
});

await fastify.listen({ port: Number(process.env.PORT) || 3000 });
