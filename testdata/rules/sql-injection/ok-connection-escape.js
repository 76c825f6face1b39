const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ database: 'shop' });
const app = express();

app.get('/tags', (req, res) => {
  pool.query(`SELECT * FROM tags WHERE label = ${pool.escape(req.query.label)}`, (err, rows) => res.json(rows));
});

app.listen(3000);
