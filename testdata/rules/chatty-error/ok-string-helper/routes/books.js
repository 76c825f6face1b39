// Book routes that report failures with fixed messages.
const express = require('express');
const { Pool } = require('pg');
const { sendError } = require('../lib/http');

const pool = new Pool();
const router = express.Router();

router.get('/:isbn', async (req, res) => {
  try {
    const { rows } = await pool.query('SELECT isbn, title, author FROM books WHERE isbn = $1', [req.params.isbn]);
    if (rows.length === 0) return sendError(res, 404, 'Not found');
    res.json(rows[0]);
  } catch (err) {
    console.error(err);
    sendError(res, 500, 'Could not load the book');
  }
});

module.exports = router;
