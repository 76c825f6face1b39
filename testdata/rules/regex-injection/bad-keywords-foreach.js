const express = require('express');

const app = express();
app.use(express.json());

const posts = [{ title: 'hello world' }];

app.post('/search', (req, res) => {
  const hits = new Set();
  req.body.keywords.forEach((word) => {
    const re = new RegExp(word, 'i'); // expect: regex-injection
    posts.filter((p) => re.test(p.title)).forEach((p) => hits.add(p));
  });
  res.json([...hits]);
});

app.listen(3000);
