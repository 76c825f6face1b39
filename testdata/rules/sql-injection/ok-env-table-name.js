const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
const schema = process.env.DB_SCHEMA || 'public';
const table = `${schema}.${process.env.AUDIT_TABLE ?? 'audit_log'}`;

app.get('/audit/:id', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM ${table} WHERE id = $1 AND actor = $2`, [req.params.id, req.query.actor]);
  res.json(rows);
});

app.listen(3000);
