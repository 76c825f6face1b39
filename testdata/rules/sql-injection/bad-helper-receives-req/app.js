const express = require('express');
const { searchPeople } = require('./lib/people');

const app = express();

app.get('/people', async (req, res, next) => {
  try {
    res.json(await searchPeople(req));
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
