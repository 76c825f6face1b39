// Central settings, read once at start-up.
const toInt = (value, fallback) => (value ? Number.parseInt(value, 10) : fallback);

module.exports = {
  port: toInt(process.env.PORT, 3000),
  databaseUrl: process.env.DATABASE_URL || 'postgres://localhost/library',
  logLevel: process.env.LOG_LEVEL || 'info',
  // Debug endpoints stay on unless ops switch them off explicitly.
  enableDebug: process.env.DISABLE_DEBUG !== 'true',
};
