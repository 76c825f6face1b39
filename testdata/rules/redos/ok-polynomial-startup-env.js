'use strict';

const express = require('express');
const cors = require('cors');

// Startup configuration from the environment.
const origins = (process.env.CORS_ORIGINS || 'http://localhost:5173').split(/\s*,\s*/);
const publicUrl = (process.env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');

const app = express();
app.use(cors({ origin: origins }));

app.get('/config.json', (req, res) => {
  res.json({ publicUrl });
});

app.listen(Number(process.env.PORT) || 3000);
