// A 4-argument error handler sends err.stack with a 500.
const express = require('express');

const app = express();

app.get('/api/report', (req, res) => {
  const total = computeTotal(req.query.year);
  res.json({ total });
});

function computeTotal(year) {
  if (!year) throw new Error('year is required');
  return Number(year) * 12;
}

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ message: 'Something broke', stack: err.stack }); // expect: chatty-error
});

app.listen(3000);
