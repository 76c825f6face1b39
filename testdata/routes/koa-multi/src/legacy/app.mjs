import Koa from 'koa';
import Router from '@koa/router';

// The v1 orders API, kept for the mobile app until it is retired.
const legacy = new Koa();
const router = new Router();

router.get('/status', (ctx) => {
  ctx.body = { status: 'ok', deprecated: true };
});

router.get('/orders/:id', (ctx) => {
  ctx.body = { id: ctx.params.id, status: 'shipped' };
});

router.post('/orders', (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 'o-1' };
});

legacy.use(async (ctx, next) => {
  ctx.set('Deprecation', 'true');
  await next();
});
legacy.use(router.routes());

export default legacy;
