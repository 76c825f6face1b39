// A mysql2 pool callback inside a route throws the query error with `if (err) throw err`, outside Express.
const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'shop', password: process.env.DB_PASSWORD, database: 'shop' });
const app = express();

app.get('/customers/:id/orders', (req, res) => {
  const sql = 'SELECT id, total, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC';
  pool.query(sql, [req.params.id], (err, rows) => {
    if (err) throw err; // expect: swallowed-crash
    res.json(rows);
  });
});

app.listen(3000);
