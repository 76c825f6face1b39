// lodash 4.17.15 is left over in the lockfile: no dependency needs it, so
// npm does not install it, and nothing here imports it.
const ms = require('ms');

module.exports = ms;
