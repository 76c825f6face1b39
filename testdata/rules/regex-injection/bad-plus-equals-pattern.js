const express = require('express');

const app = express();
app.use(express.json());
const files = ['report.pdf', 'photo.png', 'notes.txt'];

app.post('/files', (req, res) => {
  let source = '^';
  source += req.body.prefix;
  source += '.*\\.' + (req.body.ext || 'txt') + '$';
  const re = new RegExp(source); // expect: regex-injection
  res.json(files.filter((f) => re.test(f)));
});

app.listen(3000);
