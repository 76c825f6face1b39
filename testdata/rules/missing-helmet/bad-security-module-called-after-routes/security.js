const helmet = require('helmet');

exports.secure = function secure(app) {
  app.use(helmet());
};
