'use strict';

const express = require('express');

const invites = require('./invites');

const router = express.Router();

router.post('/invites', async (req, res) => {
  const { email } = req.body;
  if (!/^\S+@\S+\.\S+$/.test(email)) { // expect: redos
    return res.status(400).json({ error: 'invalid e-mail' });
  }
  await invites.send(email);
  res.status(202).json({ ok: true });
});

module.exports = router;
