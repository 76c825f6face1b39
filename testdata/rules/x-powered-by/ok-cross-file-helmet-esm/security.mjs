import helmet from 'helmet';

export function applySecurity(app) {
  app.use(helmet());
}
