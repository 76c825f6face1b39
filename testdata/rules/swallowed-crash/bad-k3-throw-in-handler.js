// An async Express 4 route throws an Error directly in its body when the API key is missing or unknown.
const express = require('express');

const app = express();
const apiKeys = new Set((process.env.API_KEYS || '').split(',').filter(Boolean));
const reports = [{ id: 1, name: 'weekly sales' }];

app.get('/api/reports', async (req, res) => {
  const apiKey = req.get('x-api-key');
  if (!apiKey || !apiKeys.has(apiKey)) throw new Error('invalid API key'); // expect: swallowed-crash
  res.json(reports);
});

app.listen(3000);
