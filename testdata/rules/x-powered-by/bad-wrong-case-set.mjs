import express from 'express';
import compression from 'compression';
import { readFile } from 'node:fs/promises';

const app = express(); // expect: x-powered-by
app.set('X-Powered-By', false);
app.set('etag', 'strong');

app.use(compression());
app.use(express.static('public', { maxAge: '1d' }));

app.get('/api/changelog', async (req, res, next) => {
  try {
    const text = await readFile(new URL('./CHANGELOG.md', import.meta.url), 'utf8');
    res.type('text/markdown').send(text);
  } catch (err) {
    next(err);
  }
});

export default app;
