const fastify = require('fastify')();
const mongoose = require('mongoose');

const Customer = mongoose.model('Customer', new mongoose.Schema({ email: String }));

fastify.post('/customers/find', async (request) => {
  return Customer.findOne({ email: request.body.email }); // expect: nosql-injection
});

fastify.listen({ port: 3000 });
