const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const mysql = require('mysql2');

const pool = mysql.createPool({ database: 'app' });
const app = express();

// Escaping for a regex does nothing for SQL: a quote stays a quote.
app.get('/find', (req, res) => {
  const term = escapeStringRegexp(req.query.term);
  pool.query(`SELECT * FROM docs WHERE title REGEXP '${term}'`, (err, rows) => res.json(rows)); // expect: sql-injection
});

app.listen(3000);
