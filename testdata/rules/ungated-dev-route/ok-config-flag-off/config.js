// Central settings, read once at start-up.
const toInt = (value, fallback) => (value ? Number.parseInt(value, 10) : fallback);

export default {
  port: toInt(process.env.PORT, 3000),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost/library',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  // Debug endpoints are off unless a developer asks for them.
  enableDebug: process.env.ENABLE_DEBUG === 'true',
};
