const fastify = require('fastify')({ logger: true });
const mongoose = require('mongoose');

const ApiKey = mongoose.model('ApiKey', new mongoose.Schema({ key: String }));

fastify.route({
  method: 'POST',
  url: '/keys/verify',
  schema: {
    body: {
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string', minLength: 32 } },
    },
  },
  handler: async (request, reply) => {
    const found = await ApiKey.findOne({ key: request.body.key });
    return reply.send({ valid: Boolean(found) });
  },
});

fastify.listen({ port: 3000 });
