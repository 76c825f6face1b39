const express = require('express');
const os = require('os');

const app = express();
const debugRouter = express.Router();

debugRouter.get('/env', (req, res) => {
  res.json(process.env);
});

debugRouter.get('/memory', (req, res) => {
  res.json({ ...process.memoryUsage(), load: os.loadavg() });
});

app.use(express.json());

app.get('/api/tickets', (req, res) => {
  res.json([]);
});

// Meant for local work and staging. A deployment that forgets to set
// NODE_ENV=production gets the whole debug router.
if (process.env.NODE_ENV !== 'production') {
  app.use('/debug', debugRouter); // expect: ungated-dev-route
}

module.exports = app;
