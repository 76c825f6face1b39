import express from 'express';

import { API_PREFIX, TRAILING_SLASHES } from './patterns.mjs';

const app = express();

// "/api/v1/users///" -> "/api/v1/users"
app.use((req, res, next) => {
  const canonical = req.originalUrl.replace(TRAILING_SLASHES, ''); // expect: redos
  if (canonical && canonical !== req.originalUrl) return res.redirect(308, canonical);
  next();
});

app.get(`${API_PREFIX}/users`, (req, res) => res.json([]));

app.listen(3000);
