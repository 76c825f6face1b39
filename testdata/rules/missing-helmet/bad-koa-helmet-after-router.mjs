import Koa from 'koa';
import Router from '@koa/router';
import helmet from 'koa-helmet';

const app = new Koa(); // expect: missing-helmet
const router = new Router();

router.get('/api/ping', (ctx) => {
  ctx.body = { pong: true };
});

app.use(router.routes());
app.use(router.allowedMethods());
// A matched route never calls next(), so this never runs for it.
app.use(helmet());

app.listen(3000);
