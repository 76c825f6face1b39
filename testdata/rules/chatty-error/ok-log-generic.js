// The caught error is logged and the client gets a generic 500 message.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/api/products', async (req, res) => {
  try {
    const { rows } = await pool.query('SELECT id, name, price FROM products ORDER BY name');
    res.json(rows);
  } catch (err) {
    console.error('listing products failed:', err);
    res.status(500).json({ error: 'Internal server error' });
  }
});

app.listen(3000);
