'use strict';

const fp = require('fastify-plugin');
const helmet = require('@fastify/helmet');

// The article editor embeds third-party widgets that the default CSP blocked;
// the policy was turned off for the whole site instead of listing them.
module.exports = fp(async function security(fastify) {
  await fastify.register(helmet, { contentSecurityPolicy: false }); // expect: missing-helmet
});
