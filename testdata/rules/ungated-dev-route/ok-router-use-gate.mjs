import express from 'express';
import { seedDatabase, truncateAll } from './db/maintenance.mjs';

const app = express();
const devRouter = express.Router();

// Every route below is behind this: unless ENABLE_DEV_ROUTES=true, the
// router answers 404 before reaching them.
devRouter.use((req, res, next) => {
  if (process.env.ENABLE_DEV_ROUTES !== 'true') {
    return res.status(404).json({ error: 'not found' });
  }
  next();
});

devRouter.post('/seed', async (req, res) => {
  res.json(await seedDatabase({ users: 20, orders: 200 }));
});

devRouter.post('/reset-db', async (req, res) => {
  await truncateAll();
  res.sendStatus(204);
});

app.use(express.json());
app.use('/api', devRouter);

app.listen(Number(process.env.PORT ?? 3000));
