const express = require('express');
const statusMonitor = require('express-status-monitor');
const compression = require('compression');

const app = express();

// Live charts for load tests: start the server with STATUS_MONITOR=1.
if (process.env.STATUS_MONITOR) {
  app.use(statusMonitor());
}

app.use(compression());
app.use(express.json());

app.get('/api/menu', (req, res) => {
  res.json([{ id: 1, dish: 'Ramen', price: 12.5 }]);
});

app.post('/api/orders', (req, res) => {
  res.status(201).json({ id: Date.now(), items: Array.isArray(req.body.items) ? req.body.items.length : 0 });
});

app.listen(process.env.PORT || 3000);
