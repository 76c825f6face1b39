// Fastify validates the body against the route's schema before the
// handler runs: `maxLength: 200` bounds the trim.
import Fastify from 'fastify';

const fastify = Fastify();

const schema = {
  body: {
    type: 'object',
    required: ['title'],
    properties: { title: { type: 'string', maxLength: 200 } },
  },
};

fastify.post('/notes', { schema }, async (request) => {
  const title = request.body.title.replace(/\s+$/, '');
  return { title };
});

await fastify.listen({ port: 3000 });
