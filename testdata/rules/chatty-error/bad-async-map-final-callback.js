// async.map's last argument is a Node-style callback: its err is the error of any upload.
const express = require('express');
const async = require('async');
const multer = require('multer');
const { saveImage } = require('./images');

const app = express();
const upload = multer({ dest: '/tmp/uploads' });

app.post('/images', upload.array('files'), (req, res) => {
  async.map(req.files, saveImage, function (err, images) {
    if (err) {
      return res.status(500).send(err.message); // expect: chatty-error
    }
    res.json(images);
  });
});

app.listen(3000);
