// A ZodError's issues are sent with a 400; anything else is logged and answered with a generic 500.
import express, { NextFunction, Request, Response } from 'express';
import { z, ZodError } from 'zod';

const app = express();
app.use(express.json());

const Booking = z.object({
  roomId: z.string().uuid(),
  nights: z.number().int().min(1).max(30),
});

const bookings: Array<z.infer<typeof Booking>> = [];

app.post('/api/bookings', (req: Request, res: Response) => {
  const booking = Booking.parse(req.body);
  bookings.push(booking);
  res.status(201).json(booking);
});

app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
  if (err instanceof ZodError) {
    return res.status(400).json({ error: 'Invalid booking', issues: err.errors });
  }
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000);
