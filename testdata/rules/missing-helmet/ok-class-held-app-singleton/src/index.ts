import express from 'express';
import helmet from 'helmet';
import { Server } from './server';

// Security headers go on first, before anything that can answer a request.
Server.instance.app!.use(helmet());
Server.instance.app!.use(express.json());

const app = Server.instance.app!;

app.get('/api/invoices', (req, res) => {
  res.json({ invoices: [] });
});

app.post('/api/invoices', (req, res) => {
  const amount = Number(req.body?.amount);
  if (!Number.isFinite(amount)) return res.status(400).json({ error: 'amount' });
  res.status(201).json({ id: Date.now(), amount });
});

app.listen(Number(process.env.PORT) || 8081, () => {
  console.log('billing api up');
});
