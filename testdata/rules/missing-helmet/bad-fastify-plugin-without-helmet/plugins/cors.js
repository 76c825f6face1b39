'use strict';

const fp = require('fastify-plugin');
const cors = require('@fastify/cors');

// The booking widget is embedded on partner sites, so allow their origins.
// TODO: security headers (helmet) still to be decided with the partners.
module.exports = fp(async function (fastify) {
  await fastify.register(cors, {
    origin: (process.env.PARTNER_ORIGINS || '').split(',').filter(Boolean),
    credentials: true,
  });
});
