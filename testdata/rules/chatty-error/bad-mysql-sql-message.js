// A mysql2 error's sqlMessage is sent with a 500.
const express = require('express');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'db', user: 'app', database: 'crm', password: process.env.DB_PASSWORD });
const app = express();
app.use(express.json());

app.put('/contacts/:id', async (req, res) => {
  try {
    await pool.execute('UPDATE contacts SET name = ?, phone = ? WHERE id = ?', [req.body.name, req.body.phone, req.params.id]);
    res.sendStatus(204);
  } catch (err) {
    res.status(500).json({ error: 'Database error', detail: err.sqlMessage }); // expect: chatty-error
  }
});

app.listen(3000);
