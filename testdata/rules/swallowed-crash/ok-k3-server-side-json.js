// Async Express 4 routes that call JSON.parse only on a server-side constant and on a file the server itself reads.
const express = require('express');
const fs = require('fs');
const path = require('path');

const DEFAULT_LAYOUT = '{"columns":3,"widgets":["clock","weather"]}';
const MANIFEST = path.join(__dirname, 'build', 'manifest.json');
const app = express();

app.get('/layout', async (req, res) => {
  const layout = JSON.parse(DEFAULT_LAYOUT);
  res.json(layout);
});

app.get('/assets', async (req, res) => {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  res.json({ main: manifest['main.js'], css: manifest['main.css'] });
});

app.listen(3000);
