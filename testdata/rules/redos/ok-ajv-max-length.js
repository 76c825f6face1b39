// ajv's maxLength bounds the fields: at 64 and 20 characters a quadratic
// trim costs microseconds.
const express = require('express');
const Ajv = require('ajv');

const ajv = new Ajv();
const validateProfile = ajv.compile({
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 64 },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 20 } },
  },
  required: ['name'],
});

const app = express();
app.use(express.json());

app.put('/profile', (req, res) => {
  if (!validateProfile(req.body)) return res.status(400).json(validateProfile.errors);
  const name = req.body.name.replace(/\s+$/, '');
  const tags = (req.body.tags || []).map((t) => t.replace(/\s+$/, ''));
  res.json({ name, tags });
});

app.listen(3000);
