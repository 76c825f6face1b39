// A payment webhook answers 200 first; a catch that only returns hides any failure of its three database writes.
import express, { Request, Response } from 'express';
import { Pool } from 'pg';

interface PaymentEvent {
  type: string;
  data: { orderId: string; amount: number };
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());

app.post('/webhooks/payments', async (req: Request, res: Response) => {
  res.sendStatus(200);
  const event = req.body as PaymentEvent;
  if (event.type !== 'payment.succeeded') return;
  try {
    await pool.query('UPDATE orders SET status = $1 WHERE id = $2', ['paid', event.data.orderId]);
    await pool.query('INSERT INTO payments (order_id, amount) VALUES ($1, $2)', [event.data.orderId, event.data.amount]);
    await pool.query('DELETE FROM pending_carts WHERE order_id = $1', [event.data.orderId]);
  } catch { return; } // expect: swallowed-crash
});

app.listen(Number(process.env.PORT ?? 3000));
