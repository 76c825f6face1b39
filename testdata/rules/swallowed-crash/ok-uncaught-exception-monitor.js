const Sentry = require('@sentry/node');
const app = require('./app');

Sentry.init({ dsn: process.env.SENTRY_DSN });

// Observe only: Node still crashes after the monitor runs.
process.on('uncaughtExceptionMonitor', (err, origin) => {
  Sentry.captureException(err, { tags: { origin } });
});

app.listen(process.env.PORT || 3000);
