import { Router } from 'express';
import knex from '../db.mjs';

export const ordersRouter = Router();

ordersRouter.get('/', async (req, res) => {
  const rows = await knex('orders').orderBy('created_at', 'desc').limit(20);
  res.json(rows);
});

ordersRouter.get('/:id', async (req, res) => {
  const order = await knex('orders').where({ id: Number(req.params.id) }).first();
  if (!order) return res.sendStatus(404);
  res.json(order);
});
