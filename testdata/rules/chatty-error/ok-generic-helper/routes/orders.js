// Order routes that hand caught errors to the generic sendError helper.
const express = require('express');
const mysql = require('mysql2/promise');
const { sendError, sendOk } = require('../lib/respond');

const pool = mysql.createPool(process.env.DATABASE_URL);
const router = express.Router();

router.get('/', async (req, res) => {
  try {
    const [rows] = await pool.query('SELECT id, total, status FROM orders ORDER BY id DESC LIMIT 50');
    sendOk(res, rows);
  } catch (err) {
    sendError(res, err);
  }
});

module.exports = router;
