// An async Express 4 route decodes the slug path parameter with decodeURIComponent, with no try/catch.
import express from 'express';

const app = express();
const pages = new Map([
  ['Getting started', '<h1>Getting started</h1>'],
  ['Release notes', '<h1>Release notes</h1>'],
]);

app.get('/wiki/:slug', async (req, res) => {
  const title = decodeURIComponent(req.params.slug).replaceAll('_', ' '); // expect: swallowed-crash
  const page = pages.get(title);
  if (!page) return res.status(404).send('No such page');
  res.type('html').send(page);
});

app.listen(3000);
