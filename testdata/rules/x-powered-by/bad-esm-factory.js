import express from 'express';
import cors from 'cors';

export default function createApp({ corsOrigin }) {
  const app = express(); // expect: x-powered-by

  app.use(cors({ origin: corsOrigin }));
  app.use(express.json());

  app.get('/api/health', (req, res) => {
    res.json({ ok: true });
  });

  return app;
}
