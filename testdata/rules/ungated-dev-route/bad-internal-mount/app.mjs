import express from 'express';
import { ordersRouter } from './routes/orders.mjs';
import internalRouter from './routes/internal.mjs';

const app = express();

app.use(express.json());
app.use('/api/orders', ordersRouter);

// Ops shortcuts for the on-call engineer. "Nobody knows the URL" is the
// only thing protecting them.
app.use('/__internal', internalRouter); // expect: ungated-dev-route

app.use((req, res) => {
  res.status(404).json({ error: 'not found' });
});

export default app;
