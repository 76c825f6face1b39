const service = require('../services/users');

exports.requestReset = async (req, res) => {
  const email = req.body.email;
  await service.sendReset(email);
  res.sendStatus(202);
};
