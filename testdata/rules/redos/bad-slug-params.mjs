import express from 'express';

import { findArticleBySlug } from './articles.mjs';

const app = express();

app.get('/blog/:slug', async (req, res, next) => {
  try {
    if (!/^([a-z0-9]+-?)+$/.test(req.params.slug)) { // expect: redos
      return res.status(404).send('Not found');
    }
    const article = await findArticleBySlug(req.params.slug);
    if (!article) return res.status(404).send('Not found');
    res.render('article', { article });
  } catch (err) {
    next(err);
  }
});

export default app;
