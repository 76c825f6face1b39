const request = require('supertest');
const express = require('../core/shared/express');

// A bare app for the middleware tests: not part of the server.
const app = express('test');
app.get('/ping', (req, res) => res.send('pong'));

it('answers', async () => {
  await request(app).get('/ping').expect(200);
});
