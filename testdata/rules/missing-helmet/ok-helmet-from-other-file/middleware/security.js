const helmet = require('helmet');

module.exports = function security(app) {
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] },
      },
    })
  );
};
