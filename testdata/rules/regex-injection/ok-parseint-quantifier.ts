import express from 'express';

const app = express();

app.get('/pins/:length', (req, res) => {
  const length = parseInt(req.params.length, 10);
  const min = Number(req.query.min) || 1;
  const re = new RegExp(`^\\d{${min},${length}}$`);
  res.json({ valid: re.test(String(req.query.pin)), match: String(req.query.pin).match(`^\\d{${length}}$`) });
});

app.listen(3000);
