import express, { type Request, type Response } from 'express';

import { tickets } from './tickets';

const TRAILING_SEPARATORS = new RegExp('[\\s\\-_]+$');

export const app = express();
app.use(express.json());

app.post('/tickets', async (req: Request, res: Response) => {
  const subject = String(req.body.subject).replace(TRAILING_SEPARATORS, ''); // expect: redos
  const ticket = await tickets.open({ subject, reporter: req.ip });
  res.status(201).json(ticket);
});
