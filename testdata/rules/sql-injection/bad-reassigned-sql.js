const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/logs', async (req, res) => {
  let sql = 'SELECT * FROM logs WHERE 1 = 1';
  if (req.query.level) {
    sql += " AND level = '" + req.query.level + "'";
  }
  res.json((await pool.query(sql)).rows); // expect: sql-injection
});

app.listen(3000);
