const express = require('express');
const helmet = require('helmet');

// Our own wrapper so the health check (probed by the load balancer over plain
// HTTP) can skip HSTS later without touching every app that uses it.
function security() {
  const h = helmet();
  return (req, res, next) => h(req, res, next);
}

const app = express();

app.use(security());
app.use(express.json());

app.get('/healthz', (req, res) => res.send('ok'));

app.get('/api/profile', (req, res) => {
  res.json({ id: 1, name: 'Ada' });
});

app.listen(process.env.PORT || 3000);
