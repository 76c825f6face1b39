const http = require('http');
const express = require('express');

const app = express();

// The same trim as at 16 KiB, but the server accepts 128 KiB heads: about
// four seconds of blocked event loop per request.
app.get('/tags', (req, res) => {
  const tags = (req.get('x-tags') || '').replace(/(?:, )+$/, ''); // expect: redos
  res.json(tags.split(', '));
});

http.createServer({ maxHeaderSize: 128 * 1024 }, app).listen(3000);
