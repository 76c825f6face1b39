// A mysql2 pool callback inside a route hands the query error to next(err) instead of throwing.
const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'shop', password: process.env.DB_PASSWORD, database: 'shop' });
const app = express();

app.get('/customers/:id/orders', (req, res, next) => {
  const sql = 'SELECT id, total, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC';
  pool.query(sql, [req.params.id], (err, rows) => {
    if (err) return next(err);
    res.json(rows);
  });
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

app.listen(3000);
