'use strict';

const orders = new Map();

module.exports = async function ordersPlugin(fastify) {
  fastify.get('/', async () => [...orders.values()]);

  fastify.get('/:id', async (request, reply) => {
    const order = orders.get(request.params.id);
    if (!order) return reply.code(404).send({ error: 'not found' });
    return order;
  });

  fastify.post('/', async (request, reply) => {
    const id = String(orders.size + 1);
    orders.set(id, { id, items: request.body.items || [] });
    return reply.code(201).send(orders.get(id));
  });
};
