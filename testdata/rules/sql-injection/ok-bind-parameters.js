const express = require('express');
const mysql = require('mysql');

const db = mysql.createConnection({ database: 'shop' });
const app = express();

app.get('/products', (req, res) => {
  db.query('SELECT * FROM products WHERE category = ?', [req.query.category], (err, rows) => {
    if (err) return res.sendStatus(500);
    res.json(rows);
  });
});

app.listen(3000);
