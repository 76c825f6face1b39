const fastify = require('fastify')();
const escapeRegExp = require('lodash/escapeRegExp');

const names = ['ada', 'alan', 'grace'];

fastify.get('/names/:prefix', async (request) => {
  const re = new RegExp('^' + escapeRegExp(request.params.prefix));
  return names.filter((n) => re.test(n));
});

fastify.listen({ port: 3000 });
