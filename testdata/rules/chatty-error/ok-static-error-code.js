// The error's code only picks which fixed body is sent; no detail of the error goes out.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/api/health/db', async (req, res) => {
  try {
    await pool.query('SELECT 1');
    res.json({ db: 'up' });
  } catch (err) {
    console.error(err);
    if (err.code === 'ECONNREFUSED') {
      return res.status(503).json({ error: 'Database unavailable', code: 'E_DB_DOWN' });
    }
    res.status(500).json({ error: 'Internal', code: 'E_INTERNAL' });
  }
});

app.listen(3000);
