// The caught error is passed to next(err) and never written to the response here.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/api/tags', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT name FROM tags ORDER BY name');
    res.json(rows.map((r) => r.name));
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
