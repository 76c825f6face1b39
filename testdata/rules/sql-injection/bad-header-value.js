const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/settings', async (req, res) => {
  const tenant = req.get('x-tenant');
  const { rows } = await pool.query("SELECT * FROM settings WHERE tenant = '" + tenant + "'"); // expect: sql-injection
  res.json(rows);
});

app.listen(3000);
