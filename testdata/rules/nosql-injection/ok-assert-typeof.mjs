import express from 'express';
import assert from 'node:assert';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ name: String }));
const app = express();
app.use(express.json());

// assert throws (and the error handler answers) unless the test holds.
app.post('/profile', async (req, res) => {
  const { name } = req.body;
  assert(typeof name === 'string', 'name must be a string');
  res.json(await User.findOne({ name }));
});

app.post('/profile/strict', async (req, res) => {
  const { name } = req.body;
  assert.strictEqual(typeof name, 'string');
  res.json(await User.findOne({ name }));
});

app.listen(3000);
