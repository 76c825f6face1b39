// The same upload with a small `fileSize` and `fieldSize`: the trims cannot
// block the event loop for long at those bounds, and the file's name is a
// header value, which busboy bounds at 16 KiB (a linear regex on it).
const express = require('express');
const multer = require('multer');

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 4096, fieldSize: 4096 },
});
const app = express();

app.post('/documents', upload.single('doc'), (req, res) => {
  const name = req.file.originalname.replace(/^\s+/, '');
  const text = req.file.buffer.toString('utf8').replace(/\s+$/, '');
  const note = String(req.body.note || '').replace(/\s+$/, '');
  res.json({ name, length: text.length, note });
});

app.listen(3000);
