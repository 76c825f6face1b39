import express from 'express';
import { Pool } from 'pg';

export const pool = new Pool();
const app = express();

// `engine` is not resolved and `run`/`query` are common names: a plain
// value passed to them is not SQL text.
export function register(engine: any) {
  app.post('/workflows/:id/run', async (req, res) => {
    res.json(await engine.run(req.params.id, { input: req.body }));
  });
  app.get('/search', async (req, res) => {
    res.json(await engine.query(req.query.q));
  });
}

app.listen(3000);
