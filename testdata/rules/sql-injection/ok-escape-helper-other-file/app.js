const express = require('express');
const { Pool } = require('pg');
const sql = require('./lib/sql');

const pool = new Pool();
const app = express();

app.get('/cities', async (req, res) => {
  const where = [sql.eq('country', req.query.country), sql.like('name', req.query.q || '')];
  const { rows } = await pool.query('SELECT * FROM cities WHERE ' + where.join(' AND '));
  res.json(rows);
});

app.get('/cities/:name', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM cities WHERE ${sql.eq('name', req.params.name)}`);
  res.json(rows);
});

app.listen(3000);
