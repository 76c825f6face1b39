import express, { type Request, type Response } from 'express';
import mongoose from 'mongoose';
import passport from 'passport';

const app = express();
const maintenance = express.Router();

// QA uses this to get an empty database between manual test runs. A valid
// JWT is required, but passport is authentication, not a deployment switch.
maintenance.post('/wipe', passport.authenticate('jwt', { session: false }), async (_req: Request, res: Response) => { // expect: ungated-dev-route
  await mongoose.connection.dropDatabase();
  res.json({ wiped: true, at: new Date().toISOString() });
});

maintenance.get('/status', (_req: Request, res: Response) => {
  res.json({ mongo: mongoose.connection.readyState === 1 ? 'up' : 'down' });
});

app.use(express.json());
app.use(passport.initialize());
app.use('/api/maintenance', maintenance);

async function start(): Promise<void> {
  await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost:27017/shop');
  app.listen(Number(process.env.PORT ?? 3000));
}

void start();
