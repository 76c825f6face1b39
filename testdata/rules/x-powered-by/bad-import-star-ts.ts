import * as express from 'express';
import * as bodyParser from 'body-parser';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const app = express(); // expect: x-powered-by
app.use(bodyParser.json());

app.get('/api/teams/:id', async (req: express.Request, res: express.Response) => {
  const { rows } = await pool.query('SELECT id, name FROM teams WHERE id = $1', [req.params.id]);
  if (rows.length === 0) {
    res.status(404).end();
    return;
  }
  res.json(rows[0]);
});

export default app;
