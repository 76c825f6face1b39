const express = require('express');
const os = require('os');

const app = express();
const debugRouter = express.Router();

debugRouter.get('/debug/env', (req, res) => {
  res.json(process.env);
});

debugRouter.get('/debug/memory', (req, res) => {
  res.json({ ...process.memoryUsage(), load: os.loadavg() });
});

app.use(express.json());

app.get('/api/tickets', (req, res) => {
  res.json([]);
});

// Unmounted after the security review (PLAT-412); keep the router around for
// the next incident.
// app.use(debugRouter);

module.exports = app;
