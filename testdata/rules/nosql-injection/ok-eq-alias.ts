import express, { Request, Response } from 'express';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

// `$eq` compares with the value as given, even an object.
app.post('/users/lookup', async (req: Request, res: Response) => {
  const body = req.body;
  const query = { email: { $eq: body.email } };
  res.json(await User.findOne(query));
});

app.listen(3000);
