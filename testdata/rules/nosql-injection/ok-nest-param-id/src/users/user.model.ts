import mongoose from 'mongoose';

export const UserModel = mongoose.model('User', new mongoose.Schema({ name: String, handle: String }));
