// Runtime settings; isDev is on only when NODE_ENV is 'development'.
module.exports = {
  port: Number(process.env.PORT) || 3000,
  isDev: process.env.NODE_ENV === 'development',
  catalogUrl: process.env.CATALOG_URL || 'http://catalog.internal:8081',
};
