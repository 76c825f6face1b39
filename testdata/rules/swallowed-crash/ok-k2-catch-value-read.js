// A .catch that gives a value the code reads is an answer: not a directory, not a match.
const fs = require('fs/promises');
const bcrypt = require('bcryptjs');
const { findUser } = require('./users');

async function isDirectory(dir) {
  const isDir = await fs.stat(dir).then((stats) => stats.isDirectory()).catch(() => false);
  return isDir;
}

function authenticate(name, password) {
  return findUser(name).then((user) => bcrypt.compare(password, user.hash).then((ok) => (ok ? user : null)).catch(() => null));
}

module.exports = { isDirectory, authenticate };
