const express = require('express');
const mongoose = require('mongoose');

const Host = mongoose.model('Host', new mongoose.Schema({ name: String, env: String }));
const app = express();
const HOST_PATTERN = process.env.HOST_PATTERN || '^web-[0-9]+$';

app.get('/hosts', async (req, res) => {
  const env = req.query.env === 'prod' ? 'prod' : 'staging';
  res.json(await Host.find({ name: { $regex: HOST_PATTERN }, env }));
});

app.listen(3000);
