const crypto = require('crypto');
const express = require('express');
const helmet = require('helmet');

const app = express();

// A fresh nonce for every page, so the inline bootstrap script can run under
// a strict CSP. helmet() is built per request because the directive changes.
app.use((req, res, next) => {
  res.locals.nonce = crypto.randomBytes(16).toString('base64');
  next();
});
app.use((req, res, next) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", `'nonce-${res.locals.nonce}'`],
      },
    },
  })(req, res, next)
);

app.get('/', (req, res) => {
  res.send(`<!doctype html><script nonce="${res.locals.nonce}">window.boot()</script>`);
});

app.listen(process.env.PORT || 3000);
