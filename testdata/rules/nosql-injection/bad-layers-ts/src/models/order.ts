import { Schema, model } from 'mongoose';

export interface OrderDoc {
  trackingCode: string;
  status: string;
}

export const Order = model<OrderDoc>('Order', new Schema<OrderDoc>({ trackingCode: String, status: String }));
