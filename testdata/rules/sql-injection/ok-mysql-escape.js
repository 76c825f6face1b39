const express = require('express');
const mysql = require('mysql');

const db = mysql.createConnection({ database: 'shop' });
const app = express();

app.get('/products', (req, res) => {
  const sql = 'SELECT * FROM products WHERE category = ' + mysql.escape(req.query.category);
  db.query(sql, (err, rows) => res.json(rows));
});

app.listen(3000);
