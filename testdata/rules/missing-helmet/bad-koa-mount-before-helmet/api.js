const Koa = require('koa');
const Router = require('@koa/router');

// Partner API, mounted under /api by server.js after the parent's helmet.
const api = new Koa();
const router = new Router();

router.get('/partners', (ctx) => {
  ctx.body = { partners: [] };
});

router.get('/partners/:id', (ctx) => {
  ctx.body = { id: Number(ctx.params.id) };
});

api.use(router.routes());
api.use(router.allowedMethods());

module.exports = api;
