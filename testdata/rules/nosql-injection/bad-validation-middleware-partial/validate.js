function checkEmail(req, res, next) {
  if (typeof req.body.email !== 'string') {
    return res.status(400).end();
  }
  next();
}

module.exports = { checkEmail };
