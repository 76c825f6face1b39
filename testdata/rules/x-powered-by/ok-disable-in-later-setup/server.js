const http = require('http');
const express = require('express');

const { pool, whenReady } = require('./db');

const app = express();
// The server exists from the start so shutdown can close it at any time.
const server = http.createServer(app);

process.on('SIGTERM', () => server.close(() => pool.end()));

function setup() {
  app.disable('x-powered-by');
  app.use(express.json());

  app.get('/api/accounts/:id/balance', async (req, res) => {
    const { rows } = await pool.query('select balance from accounts where id = $1', [req.params.id]);
    if (!rows.length) return res.status(404).json({ error: 'not found' });
    res.json(rows[0]);
  });

  server.listen(Number(process.env.PORT) || 3000);
}

whenReady(setup);
