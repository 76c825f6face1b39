const express = require('express');

const app = express();
app.use(express.json({ limit: '1mb' }));

// Trailing-space trim with a backtracking regex, on every line a client sends.
app.post('/import', (req, res) => {
  const out = [];
  for (const line of req.body.lines) {
    out.push(line.replace(/\s+$/, '')); // expect: redos
  }
  res.json(out);
});

app.listen(3000);
