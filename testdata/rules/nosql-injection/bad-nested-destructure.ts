import express from 'express';
import mongoose from 'mongoose';

const Account = mongoose.model('Account', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/accounts/recover', async (req, res) => {
  const {
    user: { email },
  } = req.body;
  const account = await Account.findOne({ email }); // expect: nosql-injection
  res.json({ found: Boolean(account) });
});

app.listen(3000);
