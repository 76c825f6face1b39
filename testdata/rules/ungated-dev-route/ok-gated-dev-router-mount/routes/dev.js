const express = require('express');
const db = require('../db');

const router = express.Router();

router.get('/debug/session', (req, res) => {
  res.json({ id: req.sessionID, data: req.session });
});

router.post('/seed', async (req, res) => {
  res.json(await db.seed({ users: 25 }));
});

router.post('/reset-db', async (req, res) => {
  await db.dropDatabase();
  res.sendStatus(204);
});

module.exports = router;
