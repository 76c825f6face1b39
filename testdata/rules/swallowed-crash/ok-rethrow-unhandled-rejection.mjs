import express from 'express';

const app = express();
app.get('/api/health', (req, res) => res.json({ ok: true }));

// Turn a stray rejection into an uncaught exception: the process crashes and
// the supervisor restarts it.
process.on('unhandledRejection', (reason) => {
  throw reason;
});

app.listen(Number(process.env.PORT ?? 3000));
