import type { Request, Response } from 'express';
import { User } from './user.model';

export async function login(req: Request, res: Response) {
  const { username, password } = req.body;
  const user = await User.findOne({ username, password }); // expect: nosql-injection
  res.json({ ok: Boolean(user) });
}
