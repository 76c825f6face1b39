const express = require('express');
const helmet = require('helmet');

const app = express();

// Skipped only under the test runner.
if (process.env.NODE_ENV !== 'test') {
  app.use(helmet());
}

app.use(express.json());

app.get('/api/tasks', (req, res) => {
  res.json([]);
});

module.exports = app;
