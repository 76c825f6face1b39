// Koa async routes that parse and decode request data and throw: Koa turns a rejection into an error response.
import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
const events = [{ id: 1, kind: 'deploy', service: 'api' }];

router.get('/events', async (ctx) => {
  const filter = JSON.parse(ctx.query.f ?? '{}');
  ctx.body = events.filter((e) => Object.entries(filter).every(([key, value]) => e[key] === value));
});

router.get('/services/:name', async (ctx) => {
  const name = decodeURIComponent(ctx.params.name);
  if (!events.some((e) => e.service === name)) throw new Error('unknown service');
  ctx.body = { name };
});

app.use(router.routes());
app.listen(3000);
