const express = require('express');
const mysql = require('mysql2/promise');

const app = express();
const pool = mysql.createPool({ database: 'crm' });

function filterSql(field, value) {
  return `SELECT * FROM contacts WHERE ${field} = '${value}'`;
}

app.get('/contacts', async (req, res) => {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.execute(filterSql('email', req.query.email)); // expect: sql-injection
    res.json(rows);
  } finally {
    conn.release();
  }
});

app.listen(3000);
