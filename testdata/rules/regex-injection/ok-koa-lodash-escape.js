const Koa = require('koa');
const Router = require('@koa/router');
const { escapeRegExp } = require('lodash');

const app = new Koa();
const router = new Router();

router.get('/log', (ctx) => {
  ctx.body = { at: 'GET /a'.search(escapeRegExp(ctx.query.pattern)) };
});

app.use(router.routes());
app.listen(3000);
