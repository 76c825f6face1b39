const express = require('express');
const config = require('./config');

const app = express();
app.use(express.json());

app.get('/api/loans', (req, res) => {
  res.json([]);
});

if (config.enableDebug) {
  // Prints the effective settings, database URL and credentials included.
  app.get('/debug/config', (req, res) => { // expect: ungated-dev-route
    res.json(config);
  });
}

app.listen(config.port, () => {
  console.log(`library api on :${config.port} (log level ${config.logLevel})`);
});
