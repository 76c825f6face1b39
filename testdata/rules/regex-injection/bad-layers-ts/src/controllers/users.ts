import type { Request, Response } from 'express';
import { userRepository } from '../repositories/users';

export class UsersController {
  static async lookup(req: Request, res: Response) {
    const domain = req.query.domain as string;
    const users = await userRepository.byEmailDomain(domain);
    res.json(users.map((u) => u.email));
  }
}
