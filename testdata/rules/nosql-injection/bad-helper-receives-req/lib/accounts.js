const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ email: String }));

async function findAccount(req) {
  const email = req.body.email;
  return Account.findOne({ email }); // expect: nosql-injection
}

module.exports = { findAccount };
