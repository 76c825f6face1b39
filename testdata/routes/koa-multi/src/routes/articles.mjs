import Router from '@koa/router';

import { requireUser } from '../middleware.mjs';

const articles = [
  { slug: 'hello-world', title: 'Hello, world', body: 'First post.' },
  { slug: 'release-notes', title: 'Release notes', body: 'What changed.' },
];
const comments = [{ slug: 'hello-world', id: 1, text: 'Nice.' }];

// Comments live under an article: /api/articles/:slug/comments.
const commentsRouter = new Router();

commentsRouter.get('/', (ctx) => {
  ctx.body = comments.filter((c) => c.slug === ctx.params.slug);
});

commentsRouter.post('/', requireUser, (ctx) => {
  const comment = { slug: ctx.params.slug, id: comments.length + 1, text: ctx.request.body.text };
  comments.push(comment);
  ctx.status = 201;
  ctx.body = comment;
});

const router = new Router({ prefix: '/api' });

router.get('/articles', async (ctx) => {
  ctx.body = articles;
});

router.get('/articles/:slug', async (ctx) => {
  const article = articles.find((a) => a.slug === ctx.params.slug);
  ctx.assert(article, 404, 'article not found');
  ctx.body = article;
});

router.post('/articles', requireUser, async function createArticle(ctx) {
  const { slug, title, body } = ctx.request.body;
  articles.push({ slug, title, body });
  ctx.status = 201;
  ctx.body = { slug };
});

router.del('/articles/:slug', requireUser, async (ctx) => {
  const index = articles.findIndex((a) => a.slug === ctx.params.slug);
  ctx.assert(index >= 0, 404, 'article not found');
  articles.splice(index, 1);
  ctx.status = 204;
});

// The recommendations endpoint is behind a feature flag until it is finished.
router.get('/articles/:slug/recommendations', async (ctx) => {
  if (process.env.ENABLE_RECOMMENDATIONS !== 'true') {
    ctx.status = 404;
    return;
  }
  ctx.body = articles.filter((a) => a.slug !== ctx.params.slug).slice(0, 3);
});

router.use('/articles/:slug/comments', commentsRouter.routes(), commentsRouter.allowedMethods());

export default router;
