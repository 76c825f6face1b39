import express from 'express';
import helmet from 'helmet';

const app = express();

// An escape hatch for local debugging; unset, so helmet is on.
if (!process.env.DISABLE_HELMET) {
  app.use(helmet());
}

app.use(express.json());

app.get('/api/notifications', (req, res) => {
  res.json([]);
});

app.listen(Number(process.env.PORT ?? 3000));
