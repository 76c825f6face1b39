import express from 'express';
import { harden } from '@/security/harden';
import { ordersRouter } from '@/app/orders';

const app = express();
harden(app);
app.use(express.json());
app.use('/orders', ordersRouter);

app.listen(Number(process.env.PORT ?? 8080));
