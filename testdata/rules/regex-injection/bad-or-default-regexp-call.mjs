import express from 'express';

const app = express();
const routes = ['/api/users', '/api/orders', '/health'];

app.get('/routes', (req, res) => {
  const pattern = req.query.pattern || '.*';
  const matcher = RegExp(pattern); // expect: regex-injection
  res.json(routes.filter((r) => matcher.test(r)));
});

app.listen(3000);
