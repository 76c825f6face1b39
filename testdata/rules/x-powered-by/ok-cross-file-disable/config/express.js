const express = require('express');
const compression = require('compression');

module.exports = (app) => {
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(compression());
  app.use(express.json({ limit: '1mb' }));
};
