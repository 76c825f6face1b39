const express = require('express');

const SETTINGS = {
  'x-powered-by': false,
  'trust proxy': 1,
  'json spaces': 0,
  etag: 'strong',
};

const app = express();

for (const [key, value] of Object.entries(SETTINGS)) {
  app.set(key, value);
}

app.use(express.json());

app.get('/api/version', (req, res) => {
  res.json({ version: process.env.npm_package_version });
});

app.listen(process.env.PORT || 3000);
