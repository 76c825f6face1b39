// An fs callback's err.toString() is sent with a 500 through res.end.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const DOCS = path.join(__dirname, 'docs');

app.get('/docs/:page', (req, res) => {
  const file = path.join(DOCS, path.basename(req.params.page) + '.md');
  fs.readFile(file, 'utf8', (err, data) => {
    if (err) {
      return res.status(500).end(err.toString()); // expect: chatty-error
    }
    res.type('text/markdown').send(data);
  });
});

app.listen(3000);
