function checkCredentials(req, res, next) {
  const { email, password } = req.body;
  if (typeof email !== 'string' || typeof password !== 'string') {
    return res.status(400).json({ error: 'email and password must be strings' });
  }
  next();
}

module.exports = { checkCredentials };
