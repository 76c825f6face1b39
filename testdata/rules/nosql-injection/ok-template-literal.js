const express = require('express');
const mongoose = require('mongoose');

const Tag = mongoose.model('Tag', new mongoose.Schema({ label: String }));
const app = express();

app.get('/tags', async (req, res) => {
  res.json(await Tag.find({ label: `${req.query.label}` }));
});

app.listen(3000);
