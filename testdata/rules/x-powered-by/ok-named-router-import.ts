import { Router, type Request, type Response } from 'express';

export const billingRouter = Router();

billingRouter.get('/plans', (_req: Request, res: Response) => {
  res.json([{ id: 'free' }, { id: 'pro' }]);
});

billingRouter.post('/subscriptions', (req: Request, res: Response) => {
  res.status(202).json({ plan: String(req.body?.plan ?? 'free') });
});
