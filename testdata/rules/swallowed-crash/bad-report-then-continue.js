const Sentry = require('@sentry/node');
const app = require('./app');

Sentry.init({ dsn: process.env.SENTRY_DSN });

function reportError(err, context) {
  Sentry.withScope((scope) => {
    scope.setTag('origin', context);
    Sentry.captureException(err);
  });
}

process.on('uncaughtException', (err) => { // expect: swallowed-crash
  reportError(err, 'uncaughtException');
});

app.listen(process.env.PORT || 3000);
