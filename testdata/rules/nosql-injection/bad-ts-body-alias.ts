import express, { Request, Response } from 'express';
import mongoose from 'mongoose';

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/users/lookup', async (req: Request, res: Response) => {
  const body = req.body;
  const query = { email: body.email };
  const user = await User.findOne(query); // expect: nosql-injection
  res.json(user);
});

app.listen(3000);
