const service = require('../services/people');

exports.search = async (req, res) => {
  const { q = '' } = req.query;
  res.json(await service.byName(q));
};

exports.filter = async (req, res) => {
  const emailPattern = req.body.email;
  res.json(service.matchingEmails(emailPattern, await service.all()));
};
