const express = require('express');
const helmet = require('helmet');
const path = require('path');

const app = express(); // expect: missing-helmet

// The single-page app (HTML included) is served before helmet runs, so the
// pages that need CSP and frame protection most get neither.
app.use(express.static(path.join(__dirname, 'client', 'dist')));

app.use(helmet());
app.use(express.json());

app.get('/api/profile', (req, res) => {
  res.json({ name: 'Ada' });
});

app.listen(3000);
