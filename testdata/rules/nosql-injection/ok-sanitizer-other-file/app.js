const express = require('express');
const mongoose = require('mongoose');
const { asText } = require('./clean');

const Note = mongoose.model('Note', new mongoose.Schema({ owner: String }));
const app = express();
app.use(express.json());

app.post('/notes', async (req, res) => {
  const owner = asText(req.body.owner);
  res.json(await Note.find({ owner }));
});

app.listen(3000);
