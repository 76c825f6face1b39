const RE2 = require('re2');

// RE2 matches in linear time whatever the pattern.
const NAME = new RE2(/^(\w+\s?)*$/);

module.exports = function validName(req, res, next) {
  if (!NAME.test(req.body.name)) return res.status(400).json({ error: 'bad name' });
  next();
};
