import express from 'express';

import { recordVisit } from './analytics.mjs';

const app = express();

app.use((req, res, next) => {
  // ua-parser-js 0.7.33 trims the start only, with an anchored pattern, and
  // drops the end with String#trimEnd.
  const agent = String(req.headers['user-agent'] || '').replace(/^\s\s*/, '').trimEnd();
  recordVisit({ path: req.path, agent }).catch(() => {});
  next();
});

app.get('/', (req, res) => res.send('Hello'));

app.listen(3000);
