'use strict';

const bookings = new Map();

module.exports = async function (fastify) {
  fastify.get('/bookings/:id', async (request, reply) => {
    const booking = bookings.get(request.params.id);
    if (!booking) return reply.code(404).send({ error: 'not found' });
    return booking;
  });

  fastify.post('/bookings', async (request, reply) => {
    const id = String(bookings.size + 1);
    bookings.set(id, { id, slot: String(request.body?.slot || '') });
    return reply.code(201).send({ id });
  });
};
