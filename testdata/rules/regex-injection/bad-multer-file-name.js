// A file's name is the client's text: compiled as a pattern it is theirs.
const express = require('express');
const multer = require('multer');

const upload = multer({ dest: 'uploads/' });
const app = express();
const catalogue = ['report.pdf', 'invoice.pdf', 'notes.txt'];

app.post('/similar', upload.array('files', 4), (req, res) => {
  const first = new RegExp(req.files[0].originalname); // expect: regex-injection
  const matches = catalogue.filter((name) => first.test(name));
  req.files.forEach((f) => {
    const byType = new RegExp(f.mimetype); // expect: regex-injection
    matches.push(...catalogue.filter((name) => byType.test(name)));
  });
  res.json(matches);
});

app.listen(3000);
