// A first middleware sets the app's own X-Powered-By from a table of
// headers: Express's value is replaced on every response.
const express = require('express');

const config = { poweredBy: 'Forum' };
const app = express();

app.use((req, res, next) => {
  const headers = {
    'X-Powered-By': config.poweredBy || 'Forum',
    'X-Frame-Options': 'SAMEORIGIN',
  };
  for (const key in headers) {
    if (headers[key]) res.setHeader(key, headers[key]);
  }
  next();
});
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
