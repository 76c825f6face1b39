// A body checked by ajv against a schema that types the field as a string,
// with the compiled check or with ajv.validate, before or after the
// destructuring.
import express from 'express';
import Ajv from 'ajv';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ name: String }));
const ajv = new Ajv({ allErrors: true });
const lookupSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 64 },
    roles: { type: 'array', items: { enum: ['admin', 'editor'] } },
  },
  required: ['name'],
};
const validateLookup = ajv.compile(lookupSchema);

const app = express();
app.use(express.json());

app.post('/users/lookup', async (req, res) => {
  if (!validateLookup(req.body)) {
    return res.status(400).json(validateLookup.errors);
  }
  res.json(await User.findOne({ name: req.body.name }));
});

app.post('/users/find', async (req, res) => {
  const { name, roles } = req.body;
  if (!ajv.validate(lookupSchema, req.body)) return res.sendStatus(400);
  const byRole = await Promise.all(roles.map((role) => User.find({ role })));
  res.json({ user: await User.findOne({ name }), byRole });
});

app.listen(3000);
