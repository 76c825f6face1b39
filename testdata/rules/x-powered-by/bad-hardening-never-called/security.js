const helmet = require('helmet');

// Everything the security review asked for, in one place.
function harden(app) {
  app.disable('x-powered-by');
  app.use(helmet());
}

module.exports = { harden };
