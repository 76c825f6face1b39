const express = require('express');
const { requireAuth } = require('./auth');

const app = express();
app.use(express.json());

// Public API of the community site.
app.get('/api/testimonials', (req, res) => res.json([]));
app.get('/api/contests/:id', (req, res) => res.json({ id: req.params.id }));
app.get('/api/developers', (req, res) => res.json([]));
app.get('/api/devices', requireAuth, (req, res) => res.json([]));
app.get('/api/releases/latest', (req, res) => res.json({ version: '3.2.1' }));

app.post('/auth/reset-password', async (req, res) => {
  // Always 202, so the endpoint does not reveal which e-mails exist.
  res.status(202).json({ sent: true });
});

app.post('/auth/reset-password/:token', async (req, res) => {
  res.json({ changed: Boolean(req.params.token && req.body.password) });
});

app.listen(process.env.PORT || 3000);
