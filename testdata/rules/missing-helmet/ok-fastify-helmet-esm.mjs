import Fastify from 'fastify';
import helmet from '@fastify/helmet';

const app = Fastify({ logger: true });

await app.register(helmet, {
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] },
  },
});

app.get('/', async (request, reply) => {
  reply.type('text/html').send('<!doctype html><title>Home</title>');
});

await app.listen({ port: 3000 });
