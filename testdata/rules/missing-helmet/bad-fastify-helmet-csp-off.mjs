import Fastify from 'fastify';
import helmet from '@fastify/helmet';

const app = Fastify();

await app.register(helmet, { contentSecurityPolicy: false }); // expect: missing-helmet

app.get('/', async (request, reply) => {
  reply.type('text/html').send('<!doctype html><title>Home</title>');
});

await app.listen({ port: 3000 });
