import mongoose from 'mongoose';

export const UserModel = mongoose.model('User', new mongoose.Schema({ email: String, password: String }));
