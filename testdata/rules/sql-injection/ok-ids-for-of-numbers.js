const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: 'db' });
const app = express();
app.use(express.json());

app.post('/orders/archive', async (req, res) => {
  for (const id of req.body.ids) {
    await pool.promise().query(`UPDATE orders SET archived = 1 WHERE id = ${Number(id)}`);
  }
  res.sendStatus(204);
});

app.listen(3000);
