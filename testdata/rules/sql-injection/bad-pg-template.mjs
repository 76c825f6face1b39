import express from 'express';
import pg from 'pg';

const pool = new pg.Pool();
const app = express();

app.get('/users/:id', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`); // expect: sql-injection
  res.json(rows[0]);
});

app.listen(3000);
