const Koa = require('koa');
const Router = require('@koa/router');

// Delivery status callbacks from the shipping provider.
const webhooks = new Koa(); // expect: missing-helmet
const router = new Router();

router.post('/shipping', (ctx) => {
  ctx.status = 204;
});

// Linked from the provider's dashboard, so it renders a small page.
router.get('/shipping/status', (ctx) => {
  ctx.type = 'html';
  ctx.body = '<h1>Webhook endpoint is up</h1>';
});

webhooks.use(router.routes());
webhooks.use(router.allowedMethods());

module.exports = webhooks;
