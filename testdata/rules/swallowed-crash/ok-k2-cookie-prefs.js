// A preferences cookie parsed in a narrow try whose catch falls back to defaults.
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());

app.get('/settings', (req, res) => {
  let prefs;
  try { prefs = JSON.parse(req.cookies.prefs); } catch { prefs = {}; }
  res.json({ theme: prefs.theme || 'light', language: prefs.language || 'en' });
});

app.listen(3000);
