const express = require('express');
const mysql = require('mysql');

const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' });
const app = express();

app.get('/products', (req, res) => {
  const sql = "SELECT * FROM products WHERE category = '" + req.query.category + "'";
  db.query(sql, (err, rows) => { // expect: sql-injection
    if (err) return res.sendStatus(500);
    res.json(rows);
  });
});

app.listen(3000);
