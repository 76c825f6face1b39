// Runtime settings; debug is on unless NODE_ENV says 'production'.
module.exports = {
  port: Number(process.env.PORT) || 3000,
  debug: process.env.NODE_ENV !== 'production',
  catalogUrl: process.env.CATALOG_URL || 'http://catalog.internal:8081',
};
