// A route's fs.readFile callback answers 404 or 500 on error instead of throwing.
const express = require('express');
const fs = require('fs');
const path = require('path');

const DOCS_DIR = path.join(__dirname, 'docs');
const app = express();

app.get('/docs/:name', (req, res) => {
  const file = path.join(DOCS_DIR, `${path.basename(req.params.name)}.md`);
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return res.status(err.code === 'ENOENT' ? 404 : 500).send('could not read the document');
    res.type('text/markdown').send(text);
  });
});

app.listen(3000);
