import express from 'express';
import authRoutes from './auth.routes';

const app = express();
app.use(express.json());
app.use('/auth', authRoutes);
app.listen(3000);
