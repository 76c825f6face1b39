import express from 'express';
import mongoose from 'mongoose';
import { requireString } from './validate';

const Note = mongoose.model('Note', new mongoose.Schema({ owner: String }));
const app = express();
app.use(express.json());

app.post('/notes/search', async (req, res) => {
  const owner = requireString(req.body.owner, 'owner');
  res.json(await Note.find({ owner }));
});

app.listen(3000);
