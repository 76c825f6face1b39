const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
const TABLE = 'products';

app.get('/products', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM ${TABLE} ORDER BY name`);
  res.json(rows);
});

app.listen(3000);
