import express from 'express';

const app = express();
const names = ['ada', 'alan'];

app.get('/names', (req, res) => {
  const prefix = String(req.query.prefix);
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) {
    return res.status(400).end();
  }
  const re = new RegExp('^' + prefix);
  res.json(names.filter((n) => re.test(n)));
});

app.listen(3000);
