import { Order } from '../models/order';

export const orderRepository = {
  async byTrackingCode(code: string) {
    return Order.findOne({ trackingCode: code }).lean(); // expect: nosql-injection
  },
};
