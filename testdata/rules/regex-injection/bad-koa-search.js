const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
const log = 'GET /a 200\nGET /b 404';

router.get('/log', (ctx) => {
  ctx.body = { at: log.search(ctx.query.pattern) }; // expect: regex-injection
});

app.use(router.routes());
app.listen(3000);
