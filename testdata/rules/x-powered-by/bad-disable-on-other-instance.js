const express = require('express');
const client = require('prom-client');

client.collectDefaultMetrics();

const app = express(); // expect: x-powered-by
const metrics = express();

// Internal metrics endpoint, scraped by Prometheus on its own port.
metrics.disable('x-powered-by');
metrics.get('/metrics', async (req, res) => {
  res.set('Content-Type', client.register.contentType);
  res.end(await client.register.metrics());
});

app.use(express.json());

app.get('/api/orders', (req, res) => {
  res.json({ orders: [] });
});

app.post('/api/orders', (req, res) => {
  res.status(201).json({ id: Date.now().toString(36) });
});

app.listen(3000);
metrics.listen(9100);
