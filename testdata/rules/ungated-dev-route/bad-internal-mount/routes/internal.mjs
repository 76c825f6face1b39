import { Router } from 'express';
import knex from '../db.mjs';

const router = Router();

// Rolls the schema back and re-runs the seeds: a clean slate for demos.
router.post('/reset-db', async (req, res) => {
  await knex.migrate.rollback(undefined, true);
  await knex.migrate.latest();
  await knex.seed.run();
  res.json({ ok: true });
});

router.post('/cache/flush', async (req, res) => {
  await knex('cache_entries').del();
  res.sendStatus(204);
});

export default router;
