// Express 5 handles the awaited findById, but not the error thrown inside the fs.readFile callback.
const express = require('express');
const fs = require('fs');
const path = require('path');
const Document = require('../models/document');

const UPLOAD_DIR = process.env.UPLOAD_DIR || '/var/lib/uploads';
const router = express.Router();

router.get('/:id/content', async (req, res) => {
  const doc = await Document.findById(req.params.id);
  if (!doc) return res.sendStatus(404);
  fs.readFile(path.join(UPLOAD_DIR, doc.storedName), (err, data) => {
    if (err) throw err; // expect: swallowed-crash
    res.type(doc.mimeType).send(data);
  });
});

module.exports = router;
