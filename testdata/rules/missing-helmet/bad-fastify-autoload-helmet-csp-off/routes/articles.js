'use strict';

const articles = new Map([['reset-password', 'How to reset your password']]);

module.exports = async function (fastify) {
  fastify.get('/articles/:slug', async (request, reply) => {
    const title = articles.get(request.params.slug);
    if (!title) return reply.code(404).send('Not found');
    reply.type('text/html').send(`<!doctype html><h1>${title}</h1>`);
  });
};
