import { Router, type Request, type Response } from 'express';

import { logs } from './logs';

export const router = Router();

router.get('/logs/tail', async (req: Request, res: Response) => {
  const filter = String(req.query.filter ?? '');
  // Trailing blank lines make the log filter match nothing.
  const needle = filter.replace(/(\r?\n)+$/, ''); // expect: redos
  res.json(await logs.tail({ contains: needle, lines: 200 }));
});
