import express from 'express';

import { invite } from './invites.mjs';

const router = express.Router();

// Domain labels cannot contain dots, so each label is matched one way only.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

router.post('/invites', async (req, res) => {
  const email = String(req.body.email || '').trim().toLowerCase();
  if (!EMAIL.test(email)) return res.status(400).json({ error: 'invalid e-mail' });
  await invite(email);
  res.status(202).json({ ok: true });
});

export default router;
