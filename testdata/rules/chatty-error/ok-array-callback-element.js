// The element of an array method's callback is not an error, whatever its name.
const express = require('express');
const { listEvents } = require('./events');

const app = express();

app.get('/events', async (req, res, next) => {
  try {
    const events = await listEvents();
    res.json(events.map((e) => e.message));
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
