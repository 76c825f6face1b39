import express from 'express';
import mongoose from 'mongoose';
import { escapeRegex } from './utils/regex';

const Term = mongoose.model('Term', new mongoose.Schema({ word: String }));
const app = express();

app.get('/terms', async (req, res) => {
  const q = escapeRegex(String(req.query.q ?? ''));
  res.json(await Term.find({ word: { $regex: q, $options: 'i' } }));
});

app.get('/terms/local', (req, res) => {
  const re = new RegExp(`^${escapeRegex(String(req.query.prefix))}`, 'i');
  res.json(['alpha', 'beta'].filter((w) => re.test(w)));
});

app.listen(3000);
