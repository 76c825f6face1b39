const express = require('express');
const mysql = require('mysql');

const db = mysql.createConnection({ database: 'shop' });
const app = express();

app.get('/search', (req, res) => {
  // `mysql.format` escapes `?` values and `??` identifiers.
  const sql = mysql.format('SELECT * FROM ?? WHERE name = ?', ['products', req.query.name]);
  db.query(sql, (err, rows) => res.json(rows));
});

app.get('/by-id', (req, res) => {
  db.query({ sql: 'SELECT * FROM products WHERE id = ?', values: [req.query.id], timeout: 4000 }, (err, rows) => res.json(rows));
});

app.listen(3000);
