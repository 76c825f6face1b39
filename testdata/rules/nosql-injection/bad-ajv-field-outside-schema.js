// ajv checks the fields its schema declares; a field it does not declare
// is still whatever the client sent, and a route without the check is not
// covered by it.
const express = require('express');
const Ajv = require('ajv');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ name: String, email: String }));
const ajv = new Ajv();
const validateLookup = ajv.compile({
  type: 'object',
  properties: { name: { type: 'string', maxLength: 64 } },
  required: ['name'],
});

const app = express();
app.use(express.json());

app.post('/users/lookup', async (req, res) => {
  if (!validateLookup(req.body)) return res.status(400).json(validateLookup.errors);
  res.json(await User.findOne({ email: req.body.email })); // expect: nosql-injection
});

app.post('/users/find', async (req, res) => {
  res.json(await User.findOne({ name: req.body.name })); // expect: nosql-injection
});

app.listen(3000);
