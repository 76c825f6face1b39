'use strict';

module.exports = {
  // Letters and digits, optionally separated by single dots or underscores.
  USERNAME: /^([a-zA-Z0-9]+[._]?)+$/, // expect: redos
  PIN: /^\d{4,8}$/,
};
