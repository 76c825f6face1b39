const express = require('express');
const statusMonitor = require('express-status-monitor');
const compression = require('compression');

const app = express();

// Real-time CPU / memory / response-time charts, served at /status with
// a socket.io feed. Useful on a laptop, public on the internet.
app.use(statusMonitor()); // expect: ungated-dev-route

app.use(compression());
app.use(express.json());

app.get('/api/menu', (req, res) => {
  res.json([{ id: 1, dish: 'Ramen', price: 12.5 }]);
});

app.post('/api/orders', (req, res) => {
  res.status(201).json({ id: Date.now(), items: Array.isArray(req.body.items) ? req.body.items.length : 0 });
});

app.listen(process.env.PORT || 3000);
