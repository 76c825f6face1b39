'use strict';

const fp = require('fastify-plugin');
const helmet = require('@fastify/helmet');

// Wrapped in fastify-plugin so the headers apply to the whole app, not just
// to this plugin's own (empty) scope.
module.exports = fp(async function (fastify) {
  await fastify.register(helmet);
});
