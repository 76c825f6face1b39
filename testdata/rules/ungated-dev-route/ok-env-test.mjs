import express from 'express';
import { pool } from './db.mjs';

const app = express();
app.use(express.json());

app.get('/api/boards', async (req, res) => {
  const { rows } = await pool.query('SELECT id, title FROM boards ORDER BY id LIMIT 50');
  res.json(rows);
});

// The integration suite starts the server with NODE_ENV=test and calls this
// between test files. Nothing else sets NODE_ENV to 'test'.
if (process.env.NODE_ENV === 'test') {
  app.post('/test/reset', async (req, res) => {
    await pool.query('TRUNCATE boards, cards RESTART IDENTITY CASCADE');
    res.sendStatus(204);
  });
}

export default app;

if (process.env.NODE_ENV !== 'test') {
  app.listen(Number(process.env.PORT ?? 3000));
}
