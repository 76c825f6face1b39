// An async Express 4 TypeScript route awaits Mongoose findById on the id path parameter with no try/catch: a malformed id rejects with a CastError.
import express, { Request, Response } from 'express';
import mongoose, { Schema } from 'mongoose';

interface Invoice {
  number: string;
  total: number;
  paid: boolean;
}

const InvoiceModel = mongoose.model<Invoice>('Invoice', new Schema<Invoice>({ number: String, total: Number, paid: Boolean }));
const app = express();

app.get('/invoices/:id', async (req: Request, res: Response) => {
  const invoice = await InvoiceModel.findById(req.params.id); // expect: swallowed-crash
  if (!invoice) return res.sendStatus(404);
  res.json(invoice);
});

mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost:27017/billing');
app.listen(3000);
