import express from 'express';

const app = express();
const text = 'The quick brown fox';

app.get('/find', (req, res) => {
  const { term } = req.query;
  res.json({ found: Boolean(text.match(term)) }); // expect: regex-injection
});

app.listen(3000);
