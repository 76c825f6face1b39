// A read stream's 'error' event handler logs the error and sends a fixed 500 text.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const EXPORTS = '/var/lib/exports';

app.get('/exports/:name', (req, res) => {
  const file = path.join(EXPORTS, path.basename(req.params.name));
  const stream = fs.createReadStream(file);
  stream.on('error', (err) => {
    console.error(err);
    res.status(500).end('Could not read the export');
  });
  res.type('text/csv');
  stream.pipe(res);
});

app.listen(3000);
