const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
const SORTABLE = ['name', 'price', 'created_at'];

// A column name cannot be a parameter: only a listed one gets through.
app.get('/items', async (req, res) => {
  const { sort } = req.query;
  if (!SORTABLE.includes(sort)) {
    return res.status(400).json({ error: 'unknown sort column' });
  }
  const { rows } = await pool.query(`SELECT * FROM items ORDER BY ${sort}`);
  res.json(rows);
});

app.listen(3000);
