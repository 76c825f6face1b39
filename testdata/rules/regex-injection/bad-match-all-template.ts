import express from 'express';

const app = express();

app.get('/count', (req, res) => {
  const word = req.query.word as string;
  const text = 'one two one';
  res.json({ count: [...text.matchAll(`${word}`)].length }); // expect: regex-injection
});

app.listen(3000);
