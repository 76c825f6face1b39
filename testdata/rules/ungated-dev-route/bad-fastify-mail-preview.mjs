import Fastify from 'fastify';
import { renderTemplate, templateNames } from './mail/templates.mjs';

const fastify = Fastify({ logger: true });

const sampleData = {
  user: { name: 'Jane Doe', email: 'jane@example.com' },
  order: { id: 'ORD-1042', total: '59.90 EUR' },
};

fastify.get('/api/orders/:id', async (request) => {
  return { id: request.params.id, status: 'shipped' };
});

// Renders any mail template with sample data so designers can check it in a
// browser. Registered for every environment.
fastify.get('/dev/mail-preview/:template', async (request, reply) => { // expect: ungated-dev-route
  if (!templateNames.includes(request.params.template)) {
    return reply.code(404).send({ error: 'unknown template' });
  }
  const html = await renderTemplate(request.params.template, sampleData);
  return reply.type('text/html').send(html);
});

await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
