// Sends the stack only when config.isDev is on (off by default), a generic 500 otherwise.
const config = require('./config');

module.exports = function errorHandler(err, req, res, next) {
  console.error(err);
  if (config.isDev) {
    return res.status(500).json({ error: err.message, stack: err.stack });
  }
  res.status(500).json({ error: 'Internal Server Error' });
};
