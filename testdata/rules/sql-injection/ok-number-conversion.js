const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/pages', async (req, res) => {
  const limit = parseInt(req.query.limit, 10) || 20;
  const { rows } = await pool.query(`SELECT * FROM pages LIMIT ${limit}`);
  res.json(rows);
});

app.listen(3000);
