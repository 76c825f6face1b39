const debug = require('debug');
const express = require('express');

// Every app of the server is made here, so that each gets its name in the
// debug output and the same settings.
module.exports = (name) => {
  const app = express(); // expect: missing-helmet
  app.set('name', name);
  app.set('trust proxy', true);
  app.use((req, res, next) => {
    debug(`app:${name}`)(req.method, req.url);
    next();
  });
  return app;
};

module.exports.Router = (name, options) => express.Router(options);
