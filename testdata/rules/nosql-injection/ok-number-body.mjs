import express from 'express';
import mongoose from 'mongoose';

const Seat = mongoose.model('Seat', new mongoose.Schema({ row: Number, number: Number }));
const app = express();
app.use(express.json());

app.post('/seats/book', async (req, res) => {
  const row = Number(req.body.row);
  const seat = await Seat.findOne({ row, number: Number(req.body.number) });
  res.json(seat);
});

app.listen(3000);
