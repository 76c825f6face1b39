import express from 'express';
import { applySecurity } from './security.mjs';

export function createApp() {
  const app = express();

  applySecurity(app);
  app.use(express.json());

  app.get('/api/tickets', (req, res) => {
    res.json([]);
  });

  return app;
}
