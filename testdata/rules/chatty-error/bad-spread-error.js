// The driver error's own fields are spread into the body of a 500.
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.use(express.json());

app.delete('/api/teams/:id', async (req, res) => {
  try {
    await pool.query('DELETE FROM teams WHERE id = $1', [req.params.id]);
    res.sendStatus(204);
  } catch (err) {
    res.status(500).json({ ...err, message: 'Could not delete the team' }); // expect: chatty-error
  }
});

app.listen(3000);
