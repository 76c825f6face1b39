// Only staff addresses may sign up.
const STAFF_EMAIL = /^([a-zA-Z0-9]+\.?)+@acme\.com$/; // expect: redos

function validateSignup(req, res, next) {
  const { email, password, name } = req.body;

  if (typeof email !== 'string' || !STAFF_EMAIL.test(email)) {
    return res.status(400).json({ error: 'Please use your @acme.com address' });
  }
  if (typeof password !== 'string' || password.length < 8) {
    return res.status(400).json({ error: 'Password must be at least 8 characters long' });
  }
  if (typeof name !== 'string' || name.trim() === '') {
    return res.status(400).json({ error: 'Name is required' });
  }
  next();
}

module.exports = { validateSignup };
