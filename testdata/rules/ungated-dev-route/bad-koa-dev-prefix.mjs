import Koa from 'koa';
import Router from '@koa/router';
import { renderEmail } from './emails/render.mjs';
import { clock } from './clock.mjs';

const app = new Koa();

const api = new Router({ prefix: '/api' });
api.get('/subscriptions', async (ctx) => {
  ctx.body = [];
});

// Helpers for working on billing locally: preview e-mails, move the clock
// forward to trigger renewals.
const devTools = new Router({ prefix: '/dev' });
devTools.get('/emails/:template', async (ctx) => {
  ctx.type = 'html';
  ctx.body = await renderEmail(ctx.params.template, { plan: 'pro' });
});
devTools.post('/clock/advance', async (ctx) => {
  clock.advanceDays(Number(ctx.query.days ?? 30));
  ctx.body = { now: clock.now() };
});

app.use(api.routes());
app.use(devTools.routes()); // expect: ungated-dev-route

app.listen(3000);
