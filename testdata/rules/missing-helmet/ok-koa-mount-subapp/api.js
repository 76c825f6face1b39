const Koa = require('koa');
const Router = require('@koa/router');

// The JSON API is its own Koa app so it can be mounted (and tested) alone.
const api = new Koa();
const router = new Router();

router.get('/orders', (ctx) => {
  ctx.body = { orders: [] };
});

router.get('/orders/:id', (ctx) => {
  ctx.body = { id: ctx.params.id, status: 'shipped' };
});

api.use(router.routes());
api.use(router.allowedMethods());

module.exports = api;
