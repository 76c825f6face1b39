import express from 'express';
import helmet from 'helmet';

import { listCourses } from './courses.js';

export function buildApp() {
  const app = express();
  app.use(helmet());
  app.use(express.json());

  app.get('/api/courses', async (req, res, next) => {
    try {
      res.json(await listCourses());
    } catch (err) {
      next(err);
    }
  });

  return app;
}
