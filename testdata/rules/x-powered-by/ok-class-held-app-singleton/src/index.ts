import { Server } from './server';

const app = Server.instance.app!;

// No need to tell every client which framework answers.
app.disable('x-powered-by');

app.get('/api/health', (req, res) => {
  res.json({ ok: true });
});

app.post('/api/notifications', (req, res) => {
  const { userId, text } = req.body ?? {};
  if (typeof userId !== 'string' || typeof text !== 'string') {
    return res.status(400).json({ error: 'userId and text are required' });
  }
  res.status(202).json({ queued: true });
});

app.listen(Number(process.env.PORT) || 4000, () => {
  console.log('notifications api listening');
});
