// A mysql callback returns the driver error with res.json, so it goes out as a 200.
const express = require('express');
const mysql = require('mysql');

const db = mysql.createConnection({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'shop',
});
db.connect();

const app = express();

app.get('/customers/:id', (req, res) => {
  db.query('SELECT id, name, email FROM customers WHERE id = ?', [req.params.id], (err, rows) => {
    if (err) return res.json(err); // expect: chatty-error
    res.json(rows[0] || {});
  });
});

app.listen(3000);
