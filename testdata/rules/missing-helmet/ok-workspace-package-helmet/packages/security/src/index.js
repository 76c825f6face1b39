const helmet = require('helmet');

// The company's baseline for every HTTP service.
function secure(app) {
  app.disable('x-powered-by');
  app.use(helmet());
  return app;
}

module.exports = { secure };
