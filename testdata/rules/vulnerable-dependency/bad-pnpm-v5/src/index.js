// pnpm 7 (lockfile 5.4): the alias semver5 is semver 5.7.1, imported here.
const semver = require('semver5');

module.exports = (v) => semver.valid(v);
