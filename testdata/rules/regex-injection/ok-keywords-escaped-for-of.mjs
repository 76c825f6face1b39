import express from 'express';
import escapeStringRegexp from 'escape-string-regexp';

const app = express();
app.use(express.json());

app.post('/search', (req, res) => {
  const patterns = [];
  for (const word of req.body.keywords) {
    patterns.push(new RegExp(escapeStringRegexp(String(word)), 'i'));
  }
  res.json(patterns.length);
});

app.listen(3000);
