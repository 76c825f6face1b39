// Fastify async routes that parse and convert request data and throw: Fastify answers a rejection with an error response.
import Fastify from 'fastify';
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));
const fastify = Fastify({ logger: true });

fastify.get('/orders', async (request) => {
  const filter = JSON.parse(request.query.filter ?? '{}');
  return Order.find(filter).limit(50);
});

fastify.get('/orders/:id', async (request, reply) => {
  const order = await Order.findById(request.params.id);
  if (!order) return reply.code(404).send({ error: 'not found' });
  return order;
});

fastify.get('/ledger/:entry', async (request) => {
  const entry = BigInt(request.params.entry);
  if (entry < 0n) throw new Error('negative entry');
  return { entry: entry.toString() };
});

await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost:27017/orders');
await fastify.listen({ port: 3000 });
