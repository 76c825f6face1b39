const express = require('express');
const mongoose = require('mongoose');

const ApiKey = mongoose.model('ApiKey', new mongoose.Schema({ key: String }));
const app = express();

// Header values are strings.
app.get('/me', async (req, res) => {
  const key = req.get('x-api-key');
  res.json(await ApiKey.findOne({ key }));
});

app.listen(3000);
