import { Schema, model } from 'mongoose';

export const Product = model('Product', new Schema({ name: String, sku: String, tags: [String] }));
