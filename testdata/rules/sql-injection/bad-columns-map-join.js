const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: 'db' });
const app = express();
app.use(express.json());

// The client names the columns: `columns=name,(select password from users)`.
app.get('/report', (req, res) => {
  const cols = req.query.columns.split(',').map((c) => c.trim()).join(', ');
  pool.query(`SELECT ${cols} FROM orders`, (err, rows) => res.json(rows)); // expect: sql-injection
});

app.listen(3000);
