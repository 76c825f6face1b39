import express from 'express';
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ ref: String }));
const app = express();
app.use(express.json());

app.post('/orders/lookup', async (req, res) => {
  const refs = req.body.lines.map((line: { ref: unknown }) => line.ref);
  const orders = [];
  for (const ref of refs) {
    orders.push(await Order.findOne({ ref })); // expect: nosql-injection
  }
  // `$in` compares whole values: an object in it is not an operator.
  orders.push(await Order.find({ ref: { $in: refs } }));
  res.json(orders);
});

app.listen(3000);
