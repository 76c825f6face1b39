import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

router.get('/api/articles', async (ctx: Koa.Context) => {
  ctx.body = [];
});

// Debug view of the environment: 404 unless this process was started with
// ENABLE_DEBUG=true.
router.get('/debug/env', async (ctx: Koa.Context) => {
  if (process.env.ENABLE_DEBUG !== 'true') {
    ctx.status = 404;
    return;
  }
  ctx.body = process.env;
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(Number(process.env.PORT ?? 3000));
