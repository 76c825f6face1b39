import { Router, type Request, type Response } from 'express';

import { search } from './search';

export const router = Router();

router.get('/search', async (req: Request, res: Response) => {
  const q = String(req.query.q ?? '').substring(0, 256);
  const terms = q.split(/\s*,\s*/).filter(Boolean);
  res.json(await search.any(terms));
});
