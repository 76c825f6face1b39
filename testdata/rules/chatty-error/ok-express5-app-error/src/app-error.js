// Errors the app throws on purpose, with a status and a message meant for the client.
class AppError extends Error {
  constructor(statusCode, message) {
    super(message);
    this.statusCode = statusCode;
  }
}

module.exports = { AppError };
