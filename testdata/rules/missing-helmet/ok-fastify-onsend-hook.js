const Fastify = require('fastify');

const app = Fastify();

app.addHook('onSend', async (request, reply, payload) => {
  reply.header('Content-Security-Policy', "default-src 'self'");
  reply.header('X-Frame-Options', 'DENY');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Strict-Transport-Security', 'max-age=31536000');
  return payload;
});

app.get('/api/status', async () => ({ ok: true }));

app.listen({ port: 3000 });
