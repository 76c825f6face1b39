const Person = require('../models/person');

async function byName(name) {
  return Person.find({ name: { $regex: '^' + name, $options: 'i' } }).limit(20); // expect: regex-injection
}

async function all() {
  return Person.find().lean();
}

function matchingEmails(pattern, people) {
  const re = new RegExp(pattern); // expect: regex-injection
  return people.filter((p) => re.test(p.email));
}

module.exports = { byName, all, matchingEmails };
