import * as express from 'express';
import * as helmet from 'helmet';

const app = express();

app.use(helmet.default());
app.use(express.json());

app.get('/api/metrics/summary', (_req: express.Request, res: express.Response) => {
  res.json({ requests: 0 });
});

export = app;
