import Fastify from 'fastify';

import { getInvoice } from './invoices.mjs';

const fastify = Fastify({ logger: true });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

fastify.get('/invoices/:id', async (request, reply) => {
  if (!UUID.test(request.params.id)) return reply.code(400).send({ error: 'invalid id' });
  const invoice = await getInvoice(request.params.id);
  if (!invoice) return reply.code(404).send({ error: 'not found' });
  return invoice;
});

await fastify.listen({ port: 3000 });
