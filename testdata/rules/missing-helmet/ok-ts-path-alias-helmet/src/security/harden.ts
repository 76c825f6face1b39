import type { Express } from 'express';
import helmet from 'helmet';

// Every service calls this right after creating its app.
export function harden(app: Express): void {
  app.disable('x-powered-by');
  app.use(helmet());
}
