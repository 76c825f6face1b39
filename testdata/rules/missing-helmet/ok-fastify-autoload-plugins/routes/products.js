'use strict';

const products = [
  { id: 1, name: 'Desk lamp', price: 39 },
  { id: 2, name: 'Office chair', price: 189 },
];

module.exports = async function (fastify) {
  fastify.get('/products', async () => products);

  fastify.get('/products/:id', async (request, reply) => {
    const product = products.find((p) => p.id === Number(request.params.id));
    if (!product) return reply.code(404).send({ error: 'not found' });
    return product;
  });
};
