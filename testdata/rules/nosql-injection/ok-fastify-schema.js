const fastify = require('fastify')();
const mongoose = require('mongoose');

const Customer = mongoose.model('Customer', new mongoose.Schema({ email: String }));

const schema = {
  body: {
    type: 'object',
    required: ['email'],
    properties: { email: { type: 'string', maxLength: 254 } },
  },
};

fastify.post('/customers/find', { schema }, async (request) => {
  return Customer.findOne({ email: request.body.email });
});

fastify.listen({ port: 3000 });
