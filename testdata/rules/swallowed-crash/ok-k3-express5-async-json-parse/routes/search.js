// An async ESM route parses the filter query parameter with JSON.parse with no try/catch; Express 5 passes the rejection to the error handler.
import { Router } from 'express';
import { catalog } from '../catalog.js';

const router = Router();

router.get('/', async (req, res) => {
  const filter = JSON.parse(req.query.filter ?? '{}');
  const hits = catalog.filter((p) => Object.entries(filter).every(([key, value]) => p[key] === value));
  res.json({ count: hits.length, hits });
});

export default router;
