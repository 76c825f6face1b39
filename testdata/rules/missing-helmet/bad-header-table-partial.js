// A table of headers set by a loop: only X-Frame-Options of the core
// headers is among them.
const express = require('express');

const app = express(); // expect: missing-helmet

function addHeaders(req, res, next) {
  const headers = {
    'X-Powered-By': 'Forum',
    'X-Frame-Options': 'SAMEORIGIN',
    'Access-Control-Allow-Origin': 'null',
  };
  for (const key in headers) {
    res.setHeader(key, headers[key]);
  }
  next();
}

app.use(addHeaders);
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
