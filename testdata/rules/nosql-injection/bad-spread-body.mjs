import express from 'express';
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ owner: String }));
const app = express();
app.use(express.json());

app.post('/orders/search', async (req, res) => {
  const orders = await Order.find({ ...req.body, deleted: false }); // expect: nosql-injection
  res.json(orders);
});

app.listen(3000);
