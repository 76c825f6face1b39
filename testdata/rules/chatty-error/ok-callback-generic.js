// A mysql callback error is logged and answered with a generic 500.
const express = require('express');
const mysql = require('mysql');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'shop', database: 'shop' });
const app = express();

app.get('/customers/:id', (req, res) => {
  pool.query('SELECT id, name FROM customers WHERE id = ?', [req.params.id], (err, rows) => {
    if (err) {
      console.error(err);
      return res.status(500).json({ error: 'Database error' });
    }
    if (rows.length === 0) return res.status(404).json({ error: 'Customer not found' });
    res.json(rows[0]);
  });
});

app.listen(3000);
