const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: x-powered-by

app.use(
  helmet({
    // The legacy uptime monitor keys its dashboards off X-Powered-By.
    hidePoweredBy: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https://cdn.example.com'],
      },
    },
  })
);
app.use(express.json());

app.get('/api/me', (req, res) => {
  res.json({ id: req.get('x-user-id') || null });
});

app.listen(3000);
