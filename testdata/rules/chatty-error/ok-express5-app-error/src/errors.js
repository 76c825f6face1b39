// AppErrors are shown with their own status; anything else is logged and answered with a generic 500.
const { AppError } = require('./app-error');

module.exports = function onError(err, req, res, next) {
  if (err instanceof AppError) {
    return res.status(err.statusCode).json({ message: err.message });
  }
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
};
