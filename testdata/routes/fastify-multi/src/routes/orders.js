const orders = [
  { id: 'o1', userId: '1', sku: 'WIDGET-9', quantity: 3 },
  { id: 'o2', userId: '2', sku: 'GADGET-2', quantity: 1 },
];

// Registered by routes/users.js with the prefix /:id/orders, so under /users/:id/orders.
module.exports = async function ordersRoutes(fastify) {
  // Encapsulated: applies to the routes of this plugin only.
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.get('/', async (request) => orders.filter((o) => o.userId === request.params.id));

  fastify.get('/:orderId', async (request, reply) => {
    const order = orders.find((o) => o.userId === request.params.id && o.id === request.params.orderId);
    if (!order) {
      return reply.code(404).send({ error: 'order not found' });
    }
    return order;
  });

  fastify.delete('/:orderId', async (request, reply) => {
    const index = orders.findIndex((o) => o.userId === request.params.id && o.id === request.params.orderId);
    if (index === -1) {
      return reply.code(404).send({ error: 'order not found' });
    }
    orders.splice(index, 1);
    return reply.code(204).send();
  });
};
