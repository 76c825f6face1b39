const escapeStringRegexp = require('escape-string-regexp');

function literal(text) {
  return escapeStringRegexp(String(text));
}

module.exports = { literal };
