import { Router, type Request, type Response } from 'express';

import { comments } from './comments';

export const router = Router();

// \s already matches U+00A0, so a run of non-breaking spaces can be split
// between the two alternatives in every possible way.
const BLANK = /^(?:\s|&nbsp;|\u00a0)*$/; // expect: redos

router.post('/posts/:id/comments', async (req: Request, res: Response) => {
  const text = String(req.body.text ?? '');
  if (BLANK.test(text)) {
    res.status(400).json({ error: 'comment is empty' });
    return;
  }
  const comment = await comments.create(req.params.id, text);
  res.status(201).json(comment);
});
