import type { Request, Response } from 'express';
import { orderRepository } from '../repositories/orders';

export class OrdersController {
  static async track(req: Request, res: Response) {
    const order = await orderRepository.byTrackingCode(req.body.code);
    res.json(order ?? { error: 'not found' });
  }
}
