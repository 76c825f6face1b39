'use strict';

const { renderTemplate } = require('../mail');
const flags = require('../flags');

// Everything a developer needs while working on checkout mails and flags.
module.exports = async function devTools(fastify) {
  fastify.get('/mail-preview/:template', async (request, reply) => {
    const html = await renderTemplate(request.params.template, { name: 'Sample' });
    return reply.type('text/html').send(html);
  });

  fastify.put('/flags/:name', async (request) => {
    flags.set(request.params.name, Boolean(request.body && request.body.enabled));
    return flags.all();
  });
};
