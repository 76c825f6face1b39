const helmet = require('helmet');
const rateLimit = require('express-rate-limit');

// Defined, exported, and never called by anyone.
module.exports = function applySecurity(app) {
  app.use(helmet());
  app.use(rateLimit({ windowMs: 60_000, max: 300 }));
};
