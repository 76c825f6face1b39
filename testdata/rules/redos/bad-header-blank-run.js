// The same trims where a space also backtracks: a header can carry that.
// The query string, decoded, can carry the line breaks too.
const express = require('express');

const app = express();

app.get('/notes', (req, res) => {
  const note = req.get('x-note').replace(/[\n ]+$/, ''); // expect: redos
  const query = String(req.query.note).replace(/(?:\r?\n)+$/, ''); // expect: redos
  res.json({ note, query });
});

app.listen(3000);
