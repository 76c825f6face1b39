import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';

interface HealthStatus {
  status: 'ok' | 'degraded';
  uptime: number;
}

export function createServer(): Express {
  const app: Express = express(); // expect: x-powered-by

  app.use(cors({ origin: process.env.CORS_ORIGIN ?? 'http://localhost:5173' }));
  app.use(express.json());

  app.get('/health', (_req: Request, res: Response<HealthStatus>) => {
    res.json({ status: 'ok', uptime: process.uptime() });
  });

  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    console.error(err);
    res.status(500).json({ error: 'internal error' });
  });

  return app;
}

if (require.main === module) {
  createServer().listen(Number(process.env.PORT) || 4000);
}
