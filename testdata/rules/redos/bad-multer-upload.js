// Uploads through multer: the file's name comes from the part's headers
// (busboy stops at 16 KiB), its content has no bound unless `fileSize` is
// set, and the form's text fields land in req.body, up to 1 MiB each.
const express = require('express');
const multer = require('multer');

const upload = multer({ storage: multer.memoryStorage() });
const app = express();

app.post('/documents', upload.single('doc'), (req, res) => {
  const name = req.file.originalname.replace(/\s+$/, ''); // expect: redos
  const text = req.file.buffer.toString('utf8').replace(/\s+$/, ''); // expect: redos
  const note = String(req.body.note || '').replace(/\s+$/, ''); // expect: redos
  res.json({ name, length: text.length, note });
});

app.listen(3000);
