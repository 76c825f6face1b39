// A Joi validation error's message is sent with a 400; other failures get a generic 500.
const express = require('express');
const Joi = require('joi');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.use(express.json());

const signupSchema = Joi.object({
  email: Joi.string().email().required(),
  name: Joi.string().min(1).max(100).required(),
});

app.post('/api/signup', async (req, res) => {
  let input;
  try {
    input = await signupSchema.validateAsync(req.body);
  } catch (err) {
    return res.status(400).json({ error: err.message });
  }
  try {
    await pool.query('INSERT INTO users (email, name) VALUES ($1, $2)', [input.email, input.name]);
    res.status(201).json({ ok: true });
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Could not create the account' });
  }
});

app.listen(3000);
