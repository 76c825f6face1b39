const express = require('express');
const compression = require('compression');
const cookieParser = require('cookie-parser');

// All the app-wide settings live here. Nothing in this file turns off the
// x-powered-by setting.
module.exports = function configureExpress(app) {
  app.set('trust proxy', 1);
  app.set('json spaces', 0);
  app.set('etag', 'strong');
  app.set('case sensitive routing', true);

  app.use(compression());
  app.use(cookieParser(process.env.COOKIE_SECRET));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false }));
};
