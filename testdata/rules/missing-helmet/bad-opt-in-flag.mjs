import express from 'express';
import helmet from 'helmet';

const app = express(); // expect: missing-helmet

// Opt-in flag that nobody sets: off by default.
if (process.env.ENABLE_SECURITY_HEADERS === 'true') {
  app.use(helmet());
}

app.use(express.json());

app.get('/api/boards', (req, res) => {
  res.json([]);
});

app.listen(Number(process.env.PORT ?? 3000));
