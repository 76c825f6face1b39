import express from 'express';
import helmet from 'helmet';
import { router as ordersRouter } from './routes/orders.mjs';

const app = express(); // expect: x-powered-by

app.use(
  helmet({
    xPoweredBy: false,
    strictTransportSecurity: { maxAge: 63072000, includeSubDomains: true },
  })
);
app.use(express.json());
app.use('/api/orders', ordersRouter);

app.listen(Number(process.env.PORT ?? 3000));
