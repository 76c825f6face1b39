// The error handler sends err.message as text with err.status ?? 500.
module.exports = function onError(err, req, res, next) {
  console.error(err);
  res.status(err.status ?? 500).send(err.message); // expect: chatty-error
};
