import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  ctx.set({
    'Content-Security-Policy': "default-src 'self'",
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  });
  await next();
});

router.get('/api/ping', (ctx) => {
  ctx.body = 'pong';
});

app.use(router.routes());

app.listen(3000);
