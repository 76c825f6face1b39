const express = require('express');
const mysql = require('mysql');

const db = mysql.createPool({ database: 'shop' });
const app = express();

app.get('/products', (req, res) => {
  const { sort = 'created_at', dir = 'DESC', limit } = req.query;
  const sql = `SELECT * FROM products ORDER BY ${sort} ${dir} LIMIT ${parseInt(limit, 10) || 20}`;
  db.query(sql, (err, rows) => res.json(rows)); // expect: sql-injection
});

app.listen(3000);
