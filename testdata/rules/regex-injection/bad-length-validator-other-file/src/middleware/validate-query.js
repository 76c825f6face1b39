// Rejects empty or overlong searches. `(a+)+$` is short enough.
function validSearch(value) {
  return typeof value === 'string' && value.length > 0 && value.length <= 64;
}

function requireSearch(req, res, next) {
  if (!validSearch(req.query.q)) {
    return res.status(400).json({ error: 'q must be 1-64 characters' });
  }
  next();
}

module.exports = { validSearch, requireSearch };
