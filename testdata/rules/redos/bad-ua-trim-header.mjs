import express from 'express';

import { recordVisit } from './analytics.mjs';

const app = express();

// ua-parser-js 0.7.32 trimmed with this pattern (CVE-2022-25927).
const TRAILING_SPACE = /\s\s*$/;

app.use((req, res, next) => {
  const ua = String(req.headers['user-agent'] || '');
  const agent = ua.replace(TRAILING_SPACE, ''); // expect: redos
  recordVisit({ path: req.path, agent }).catch(() => {});
  next();
});

app.get('/', (req, res) => res.send('Hello'));

app.listen(3000);
