'use strict';

const express = require('express');

const storage = require('./storage');

const app = express();

const IMAGE = /\.(jpe?g|png|gif|webp)$/i;

app.put('/avatars/:name', express.raw({ type: 'image/*', limit: '2mb' }), async (req, res) => {
  const filename = String(req.get('x-file-name') || req.params.name);
  if (!IMAGE.test(filename)) return res.status(415).json({ error: 'images only' });
  const base = filename.replace(/\.(jpe?g|png|gif|webp)$/i, '');
  await storage.put(`avatars/${base}`, req.body);
  res.status(201).end();
});

app.listen(3000);
