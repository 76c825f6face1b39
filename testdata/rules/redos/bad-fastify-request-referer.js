'use strict';

const fastify = require('fastify')();

fastify.addHook('onRequest', async (request) => {
  // Host of the referring page, for the "came from" report.
  const referer = String(request.headers.referer || '').toLowerCase();
  const m = referer.match(/.*\/\/([^/]+).*$/); // expect: redos
  request.log.info({ from: m ? m[1] : null }, 'referral');
});

fastify.get('/', async () => ({ ok: true }));

fastify.listen({ port: 3000 });
