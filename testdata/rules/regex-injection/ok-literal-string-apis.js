const express = require('express');

const app = express();
const text = 'a,b,c';

// replace, split and includes take a string literally.
app.get('/text', (req, res) => {
  const { sep, word } = req.query;
  res.json({ parts: text.split(sep), has: text.includes(word), out: text.replace(word, '') });
});

app.listen(3000);
