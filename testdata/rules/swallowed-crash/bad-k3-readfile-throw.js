// A sync Express route reads a file with fs.readFile and throws the error inside the callback, where Express cannot catch it.
const express = require('express');
const fs = require('fs');
const path = require('path');

const DOCS_DIR = path.join(__dirname, 'docs');
const app = express();

app.get('/docs/:name', (req, res) => {
  const file = path.join(DOCS_DIR, `${path.basename(req.params.name)}.md`);
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) throw err; // expect: swallowed-crash
    res.type('text/markdown').send(text);
  });
});

app.listen(3000);
