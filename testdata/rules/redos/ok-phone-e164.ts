import { Router, type Request, type Response } from 'express';

import { sms } from './sms';

export const router = Router();

const E164 = /^\+?[1-9]\d{1,14}$/;

router.post('/verify/phone', async (req: Request, res: Response) => {
  const phone = String(req.body.phone ?? '').replace(/[\s()-]/g, '');
  if (!E164.test(phone)) {
    res.status(400).json({ error: 'phone must be in E.164 format' });
    return;
  }
  await sms.sendCode(phone);
  res.status(202).end();
});
