// Best-effort single calls whose rejection is dropped: a cache delete with `.catch(noop)` and an analytics ping with `.catch(() => {})`.
const express = require('express');
const Redis = require('ioredis');

const noop = () => {};
const redis = new Redis(process.env.REDIS_URL);
const articles = new Map();
const app = express();
app.use(express.json());

app.put('/articles/:id', (req, res) => {
  const article = { id: req.params.id, title: String(req.body.title), body: String(req.body.body) };
  articles.set(article.id, article);
  const key = `article:${article.id}`;
  redis.del(key).catch(noop);
  fetch(process.env.ANALYTICS_URL, { method: 'POST', body: JSON.stringify({ event: 'article_updated', id: article.id }) }).catch(() => {});
  res.json(article);
});

app.listen(3000);
