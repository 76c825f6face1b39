const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/items', async (req, res) => {
  const sort = req.query.sort === 'price' ? 'price' : 'name';
  const { rows } = await pool.query('SELECT * FROM items ORDER BY ' + sort);
  res.json(rows);
});

app.listen(3000);
