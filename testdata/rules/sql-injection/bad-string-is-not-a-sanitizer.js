const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ database: 'app' });
const app = express();
app.use(express.json());

app.post('/search', (req, res) => {
  const name = String(req.body.name).trim();
  pool.query(`SELECT id FROM people WHERE name LIKE '%${name}%'`, (err, rows) => res.json(rows)); // expect: sql-injection
});

app.listen(3000);
