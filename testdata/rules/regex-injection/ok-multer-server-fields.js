// The fields multer fills in itself (the stored name, the path, the size)
// are the server's, not the client's.
const express = require('express');
const multer = require('multer');

const upload = multer({ dest: 'uploads/' });
const app = express();
const catalogue = ['report.pdf', 'invoice.pdf', 'notes.txt'];

app.post('/stored', upload.single('doc'), (req, res) => {
  const stored = new RegExp(`^${req.file.filename}`);
  const under = new RegExp(req.file.destination);
  res.json(catalogue.filter((n) => stored.test(n) || under.test(n) || n.length === req.file.size));
});

app.listen(3000);
