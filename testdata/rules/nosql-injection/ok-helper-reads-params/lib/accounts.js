const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ handle: String }));

// Reads only the route parameter, a string.
async function findAccount(req) {
  const handle = req.params.handle;
  return Account.findOne({ handle });
}

module.exports = { findAccount };
