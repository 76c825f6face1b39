const express = require('express');
const compression = require('compression');
const cors = require('cors');

const app = express(); // expect: x-powered-by

// Don't tell scanners which framework we run.
// (Express settings are case-sensitive: this sets an unrelated key.)
app.disable('X-Powered-By');
app.set('trust proxy', 1);

app.use(compression());
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
app.use(express.json());

app.get('/api/status', (req, res) => {
  res.json({ version: process.env.APP_VERSION || 'dev' });
});

app.listen(process.env.PORT || 3000);
