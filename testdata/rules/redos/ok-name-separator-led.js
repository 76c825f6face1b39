'use strict';

const express = require('express');

const customers = require('./customers');

// Each repeated part starts with a separator, so a name splits one way only.
const PERSON_NAME = /^[a-z]+(?:[ '-][a-z]+)*$/i;

const router = express.Router();

router.post('/customers', async (req, res) => {
  const { name } = req.body;
  if (typeof name !== 'string' || !PERSON_NAME.test(name)) {
    return res.status(400).json({ error: 'invalid name' });
  }
  res.status(201).json(await customers.create({ name }));
});

module.exports = router;
