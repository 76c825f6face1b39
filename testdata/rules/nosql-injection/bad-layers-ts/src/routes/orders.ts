import { Router } from 'express';
import { OrdersController } from '../controllers/orders';

export const ordersRouter = Router();
ordersRouter.post('/track', OrdersController.track);
