const User = require('../models/user');

async function sendReset(address) {
  const user = await User.findOne({ email: address }); // expect: nosql-injection
  return user;
}

module.exports = { sendReset };
