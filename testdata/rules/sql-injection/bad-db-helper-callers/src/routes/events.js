const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/', async (req, res) => {
  res.json(await db.all('SELECT * FROM events WHERE kind = ?', [req.query.kind]));
});

router.get('/by-actor', async (req, res) => {
  const actor = req.headers['x-actor'];
  res.json(await db.all(`SELECT * FROM events WHERE actor = '${actor}'`));
});

module.exports = router;
