const express = require('express');

const app = express();
// Bodies over 2 KiB are refused with 413 before the handler runs: the
// quadratic trim costs a few milliseconds at most.
app.use(express.json({ limit: '2kb' }));

app.post('/profile', (req, res) => {
  const name = String(req.body.name).replace(/\s+$/, '');
  res.json({ name });
});

app.listen(3000);
