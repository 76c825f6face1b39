// A route's catch block sends err.message with a 500.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());

app.get('/api/products/:id', async (req, res) => {
  try {
    const { rows } = await pool.query('SELECT id, name, price FROM products WHERE id = $1', [req.params.id]);
    if (rows.length === 0) {
      return res.status(404).json({ error: 'Product not found' });
    }
    res.json(rows[0]);
  } catch (err) {
    res.status(500).json({ error: err.message }); // expect: chatty-error
  }
});

app.listen(process.env.PORT || 3000);
