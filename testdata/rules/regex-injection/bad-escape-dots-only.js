const express = require('express');

const app = express();
const hosts = ['api.example.com', 'www.example.com'];

// Escaping only the dots leaves `+`, `*` and groups alone.
app.get('/hosts', (req, res) => {
  const q = req.query.host.replace(/\./g, '\\.');
  const re = new RegExp(`^${q}$`); // expect: regex-injection
  res.json(hosts.filter((h) => re.test(h)));
});

app.listen(3000);
