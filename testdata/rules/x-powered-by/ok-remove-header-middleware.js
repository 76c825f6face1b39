const express = require('express');

const app = express();

// First middleware: drop the header Express's init middleware has just set.
app.use((req, res, next) => {
  res.removeHeader('X-Powered-By');
  next();
});

app.use(express.json());

app.get('/api/config', (req, res) => {
  res.json({ features: ['search', 'export'] });
});

app.listen(3000);
