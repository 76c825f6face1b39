const express = require('express');
const { DatabaseSync } = require('node:sqlite');

// Sign-up statistics, kept in a local SQLite file beside the accounts.
const db = new DatabaseSync(process.env.REPORTS_DB || 'reports.db');

const router = express.Router();

router.get('/signups', (req, res) => {
  const team = req.query.team || 'all';
  const sql = `SELECT day, count(*) AS n FROM signups WHERE team = '${team}' GROUP BY day`;
  res.json(db.prepare(sql).all()); // expect: sql-injection
});

module.exports = router;
