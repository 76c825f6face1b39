import Fastify, { type FastifyRequest } from 'fastify';
import vm from 'node:vm';

const app = Fastify({ logger: true });

type PreviewBody = { expression: string; cart: { total: number; items: number } };

app.get('/api/discounts', async () => [{ code: 'SPRING', rule: 'cart.total > 100 ? 10 : 0' }]);

// Lets the marketing tool preview a discount rule before saving it. The rule
// is JavaScript from the request body, run in a vm context: vm is not a
// security boundary, so this is code execution on the server.
app.post('/api/discounts/preview', async (request: FastifyRequest<{ Body: PreviewBody }>) => { // expect: ungated-dev-route
  const discount = vm.runInNewContext(request.body.expression, { cart: request.body.cart });
  return { discount: Number(discount) || 0 };
});

app.listen({ port: Number(process.env.PORT ?? 3000) }).catch((err) => {
  app.log.error(err);
  process.exit(1);
});
