// ajv types the field as a string but sets no maxLength: the body parser's
// limit is the only bound.
const express = require('express');
const Ajv = require('ajv');

const ajv = new Ajv();
const validateProfile = ajv.compile({
  type: 'object',
  properties: { bio: { type: 'string' } },
  required: ['bio'],
});

const app = express();
app.use(express.json());

app.put('/profile', (req, res) => {
  if (!validateProfile(req.body)) return res.status(400).json(validateProfile.errors);
  const bio = req.body.bio.replace(/\s+$/, ''); // expect: redos
  res.json({ bio });
});

app.listen(3000);
