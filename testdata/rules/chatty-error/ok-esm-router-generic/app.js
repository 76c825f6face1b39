// Mounts the users router.
import express from 'express';
import usersRouter from './routes/users.js';
import { client } from './db.js';

const app = express();
app.use(express.json());
app.use('/users', usersRouter);

await client.connect();
app.listen(3000);
