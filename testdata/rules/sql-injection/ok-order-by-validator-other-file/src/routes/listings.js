const express = require('express');
const { Pool } = require('pg');
const { sortColumn, sortDirection } = require('../validators/sort');

const pool = new Pool();
const router = express.Router();

router.get('/', async (req, res) => {
  const column = sortColumn(req.query.sort);
  const direction = sortDirection(req.query.dir);
  const { rows } = await pool.query(
    `SELECT * FROM listings WHERE city = $1 ORDER BY ${column} ${direction}`,
    [req.query.city],
  );
  res.json(rows);
});

module.exports = router;
