// A read stream's 'error' event handler sends the error's message with a 500.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const EXPORTS = '/var/lib/exports';

app.get('/exports/:name', (req, res) => {
  const file = path.join(EXPORTS, path.basename(req.params.name));
  const stream = fs.createReadStream(file);
  stream.on('error', (err) => {
    res.status(500).end(`Cannot read export: ${err.message}`); // expect: chatty-error
  });
  res.type('text/csv');
  stream.pipe(res);
});

app.listen(3000);
