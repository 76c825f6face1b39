// A multer file object's fields are strings the server builds from the
// part's headers: the client cannot make them objects.
const express = require('express');
const multer = require('multer');
const mongoose = require('mongoose');

const Upload = mongoose.model('Upload', new mongoose.Schema({ name: String, type: String }));
const upload = multer({ dest: 'uploads/' });
const app = express();

app.post('/uploads', upload.array('files', 4), async (req, res) => {
  const first = req.files[0];
  const same = await Upload.findOne({ name: first.originalname, type: first.mimetype });
  const stored = await Upload.find({ path: req.files[1].path });
  res.json({ same, stored });
});

app.post('/avatar', upload.single('avatar'), async (req, res) => {
  res.json(await Upload.findOne({ name: req.file.originalname }));
});

app.listen(3000);
