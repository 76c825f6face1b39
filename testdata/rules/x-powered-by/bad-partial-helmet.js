const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: x-powered-by

// Only the headers the pentest report asked for.
app.use(helmet.contentSecurityPolicy());
app.use(helmet.frameguard({ action: 'deny' }));
app.use(helmet.noSniff());
app.use(helmet.hsts({ maxAge: 15552000 }));

app.use(express.json());

app.get('/api/invoices', (req, res) => {
  res.json([]);
});

app.listen(3000);
