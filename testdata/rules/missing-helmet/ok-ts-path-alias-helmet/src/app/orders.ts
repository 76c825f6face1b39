import { Router } from 'express';

export const ordersRouter = Router();

ordersRouter.get('/', (_req, res) => {
  res.json([]);
});
