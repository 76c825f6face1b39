// The app's error handler: err.message goes out with err.status || 500.
function errorHandler(err, req, res, next) {
  if (res.headersSent) {
    return next(err);
  }
  const status = err.status || 500;
  res.status(status).json({ error: err.message }); // expect: chatty-error
}

module.exports = errorHandler;
