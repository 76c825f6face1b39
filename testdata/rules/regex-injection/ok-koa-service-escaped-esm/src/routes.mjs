import Router from '@koa/router';
import { searchArticles, countByAuthor } from './articles-service.mjs';

export const router = new Router({ prefix: '/kb' });

router.get('/articles', async (ctx) => {
  ctx.body = await searchArticles(ctx.query.q);
});

router.post('/authors/count', async (ctx) => {
  const { author } = ctx.request.body;
  ctx.body = { count: await countByAuthor(author) };
});
