const express = require('express');

const app = express();
const cities = ['Paris', 'Parma', 'Perth'];

app.get('/cities', (req, res) => {
  const { starts = '', flags = 'i' } = req.query;
  const re = new RegExp('^' + starts, flags); // expect: regex-injection
  res.json(cities.filter((c) => re.test(c)));
});

app.listen(3000);
