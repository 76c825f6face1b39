const Router = require('@koa/router');
const { renderEmail } = require('../emails');
const clock = require('../clock');

const router = new Router({ prefix: '/dev' });

router.get('/emails/:template', async (ctx) => {
  ctx.type = 'html';
  ctx.body = await renderEmail(ctx.params.template, { plan: 'pro' });
});

router.post('/clock/advance', async (ctx) => {
  clock.advanceDays(Number(ctx.query.days || 30));
  ctx.body = { now: clock.now() };
});

module.exports = router;
