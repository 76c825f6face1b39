// sendError sends the message it is given; callers pass fixed strings.
function sendError(res, status, message) {
  res.status(status).json({ error: message });
}

module.exports = { sendError };
