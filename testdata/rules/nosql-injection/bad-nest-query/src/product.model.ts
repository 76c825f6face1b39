import { Schema, model } from 'mongoose';

export const Product = model('Product', new Schema({ category: String, name: String }));
