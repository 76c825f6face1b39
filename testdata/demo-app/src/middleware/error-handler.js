// Express recognises an error handler by its four parameters.
// eslint-disable-next-line no-unused-vars
module.exports = function errorHandler(err, req, res, next) {
  console.error(err);
  res.status(err.status || 500).json({ error: err.message }); // expect: chatty-error
};
