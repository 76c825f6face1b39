// A best-effort removal of an uploaded temp file: one statement with one call in the try, and an empty catch.
const express = require('express');
const fs = require('fs');
const multer = require('multer');
const sharp = require('sharp');

const upload = multer({ dest: '/tmp/uploads' });
const app = express();

app.post('/avatar', upload.single('avatar'), (req, res, next) => {
  const tmp = req.file.path;
  sharp(tmp).resize(256, 256).png().toFile(`public/avatars/${req.file.filename}.png`, (err) => {
    try { fs.unlinkSync(tmp); } catch {}
    if (err) return next(err);
    res.json({ url: `/avatars/${req.file.filename}.png` });
  });
});

app.use(express.static('public'));
app.listen(3000);
