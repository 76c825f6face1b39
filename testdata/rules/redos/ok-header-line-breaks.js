// Only line breaks (or characters above U+00FF) make these regexes
// backtrack, and a header value can carry neither: Node rejects line breaks
// in a request head and reads header values as Latin-1.
const express = require('express');

const app = express();

app.get('/notes', (req, res) => {
  const note = req.get('x-note').replace(/(?:\r?\n)+$/, '');
  const wide = req.headers['x-wide'].replace(/[\n\u0100]+$/, '');
  res.json({ note, wide });
});

app.listen(3000);
