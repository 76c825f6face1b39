const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/me', async (req, res) => {
  // `req.user` is set by the session middleware, not sent by the client.
  const { rows } = await pool.query(`SELECT * FROM profiles WHERE user_id = ${req.user.id}`);
  res.json(rows[0]);
});

app.listen(3000);
