// The 500 status is set in one statement and err.message is sent in the next.
const express = require('express');
const redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });
const app = express();

app.get('/sessions/:id', async (req, res) => {
  try {
    const session = await client.get(`sess:${req.params.id}`);
    res.json(session ? JSON.parse(session) : null);
  } catch (err) {
    res.status(500);
    res.send(err.message); // expect: chatty-error
  }
});

client.connect().then(() => app.listen(3000));
