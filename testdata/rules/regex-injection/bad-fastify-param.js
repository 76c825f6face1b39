const fastify = require('fastify')();

const names = ['ada', 'alan', 'grace'];

fastify.get('/names/:prefix', async (request) => {
  const re = new RegExp('^' + request.params.prefix); // expect: regex-injection
  return names.filter((n) => re.test(n));
});

fastify.listen({ port: 3000 });
