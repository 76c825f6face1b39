import express from 'express';
import mongoose from 'mongoose';

const Tag = mongoose.model('Tag', new mongoose.Schema({ label: String }));
const app = express();

app.get('/tags', async (req, res) => {
  const label = String(req.query.label ?? '').trim().toLowerCase();
  res.json(await Tag.find({ label: { $regex: label } }).limit(10)); // expect: regex-injection
});

app.listen(3000);
