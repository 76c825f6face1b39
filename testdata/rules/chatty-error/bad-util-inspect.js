// util.inspect of the caught error is sent as text with a 500.
const express = require('express');
const util = require('util');
const fs = require('fs/promises');

const app = express();

app.get('/config/:name', async (req, res) => {
  try {
    const raw = await fs.readFile(`/etc/myapp/${req.params.name}.json`, 'utf8');
    res.json(JSON.parse(raw));
  } catch (err) {
    res.status(500).send(util.inspect(err, { depth: 4 })); // expect: chatty-error
  }
});

app.listen(8080);
