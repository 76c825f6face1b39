'use strict';

const express = require('express');

const { PHONE, POSTCODE } = require('./patterns');
const contacts = require('./contacts');

const phoneRe = new RegExp(PHONE); // expect: redos
const postcodeRe = new RegExp(POSTCODE);

const router = express.Router();

router.post('/contacts', async (req, res, next) => {
  const { phone, postcode } = req.body;
  if (!phoneRe.test(String(phone)) || !postcodeRe.test(String(postcode))) {
    return res.status(422).json({ error: 'invalid contact details' });
  }
  try {
    res.status(201).json(await contacts.create(req.body));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
