import express from 'express';

const app = express();
app.get('/health', (_req, res) => res.json({ ok: true }));

process.on('unhandledRejection', (reason: unknown) => {
  throw reason instanceof Error ? reason : new Error(`Unhandled rejection: ${String(reason)}`);
});

app.listen(Number(process.env.PORT) || 3000);
