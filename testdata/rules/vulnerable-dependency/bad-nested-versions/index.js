// The project's own qs is 6.11.0 (not affected); express keeps 6.7.0 nested.
const qs = require('qs');

module.exports = (s) => qs.parse(s);
