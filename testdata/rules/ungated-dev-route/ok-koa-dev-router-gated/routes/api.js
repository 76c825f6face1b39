const Router = require('@koa/router');

const router = new Router({ prefix: '/api' });
const subscriptions = [];

router.get('/subscriptions', async (ctx) => {
  ctx.body = subscriptions;
});

router.post('/subscriptions', async (ctx) => {
  const sub = { id: subscriptions.length + 1, plan: String(ctx.request.body.plan || 'basic') };
  subscriptions.push(sub);
  ctx.status = 201;
  ctx.body = sub;
});

module.exports = router;
