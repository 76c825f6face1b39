const _ = require('lodash');
const Person = require('../models/person');

async function byName(name) {
  return Person.find({ name: { $regex: '^' + _.escapeRegExp(name), $options: 'i' } }).limit(20);
}

async function all() {
  return Person.find().lean();
}

function matchingEmails(text, people) {
  const re = new RegExp(_.escapeRegExp(String(text)));
  return people.filter((p) => re.test(p.email));
}

module.exports = { byName, all, matchingEmails };
