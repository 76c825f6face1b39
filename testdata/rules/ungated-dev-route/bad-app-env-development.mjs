import express from 'express';
import listEndpoints from 'express-list-endpoints';

const app = express();
app.use(express.json());

app.get('/api/projects', (req, res) => {
  res.json([]);
});

app.post('/api/projects', (req, res) => {
  res.status(201).json({ name: String(req.body.name ?? '') });
});

// Looks like a development check, but Express reports 'development'
// whenever NODE_ENV is unset, so a bare `node server.mjs` enables it.
if (app.get('env') === 'development') {
  app.get('/__debug/routes', (req, res) => { // expect: ungated-dev-route
    res.json(listEndpoints(app));
  });
}

app.listen(Number(process.env.PORT ?? 3000));
