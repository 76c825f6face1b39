// JSON.stringify of a pg driver error is sent with a 500.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.use(express.json());

app.post('/api/signup', async (req, res) => {
  const { email, name } = req.body;
  try {
    await pool.query('INSERT INTO users (email, name) VALUES ($1, $2)', [email, name]);
    res.status(201).json({ ok: true });
  } catch (pgError) {
    res.status(500).send(JSON.stringify(pgError)); // expect: chatty-error
  }
});

app.listen(3000);
