import express, { type Request, type Response } from 'express';
import helmet from 'helmet';

const app = express();

app.use(helmet({ strictTransportSecurity: false, xContentTypeOptions: false })); // expect: missing-helmet
app.use(express.json());

app.get('/api/reports/:id', (req: Request, res: Response) => {
  res.json({ id: req.params.id, rows: [] });
});

export default app;
