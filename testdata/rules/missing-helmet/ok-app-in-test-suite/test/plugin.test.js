'use strict';

// A throwaway app that a test builds to exercise a plugin is never deployed.
const { test } = require('node:test');
const Fastify = require('fastify');

test('serializes the reply', async (t) => {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  const res = await app.inject({ method: 'GET', url: '/' });
  t.assert.equal(res.statusCode, 200);
});
