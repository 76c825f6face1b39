const express = require('express');
const helmet = require('helmet');

const app = express();

// Off only under the test runner; on in every deployment.
if (process.env.NODE_ENV !== 'test') {
  app.use(helmet());
}

app.use(express.json());

app.get('/api/items', (req, res) => {
  res.json([]);
});

module.exports = app;
