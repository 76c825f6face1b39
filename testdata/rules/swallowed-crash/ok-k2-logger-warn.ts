// A TypeScript route wraps a lookup and a notification in one try whose catch reports the error with logger.warn.
import express, { Request, Response } from 'express';
import pino from 'pino';
import { Pool } from 'pg';

const logger = pino();
const pool = new Pool();
const app = express();
app.use(express.json());

async function notifySlack(text: string): Promise<void> {
  await fetch(process.env.SLACK_WEBHOOK_URL as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
}

app.post('/tickets/:id/escalate', async (req: Request, res: Response) => {
  try {
    const { rows } = await pool.query('UPDATE tickets SET priority = $1 WHERE id = $2 RETURNING title', ['high', req.params.id]);
    await notifySlack(`Ticket escalated: ${rows[0]?.title ?? req.params.id}`);
  } catch (err) {
    logger.warn(err, 'escalation failed');
    return res.status(500).json({ error: 'escalation failed' });
  }
  res.json({ escalated: true });
});

app.listen(3000);
