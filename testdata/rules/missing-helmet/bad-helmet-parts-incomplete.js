// helmet's parts one by one: the CSP (whose default directives include
// frame-ancestors) and HSTS only when a setting nobody sets is on. Nothing
// sets X-Content-Type-Options, and HSTS is off by default.
const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: missing-helmet
app.use(helmet.contentSecurityPolicy({ useDefaults: true }));
if (process.env.HSTS_ENABLED) {
  app.use(helmet.hsts({ maxAge: 31536000 }));
}
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
