'use strict';

const express = require('express');

const accounts = require('../services/accounts');

// Validation rules collected from the old signup form.
const rules = {
  username: /^[a-z0-9_]{3,30}$/,
  // The e-mail pattern from the OWASP Validation Regex Repository, the one the
  // OWASP ReDoS page lists as vulnerable.
  email: /^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/, // expect: redos
  zip: /^\d{5}(-\d{4})?$/,
};

function validate(input) {
  return Object.keys(rules).filter((field) => !rules[field].test(String(input[field] || '')));
}

const router = express.Router();

router.post('/signup', async (req, res, next) => {
  const invalid = validate(req.body);
  if (invalid.length) return res.status(422).json({ invalid });
  try {
    const account = await accounts.create(req.body);
    res.status(201).json({ id: account.id });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
