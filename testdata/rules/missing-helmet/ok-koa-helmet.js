const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');

const app = new Koa();
const router = new Router();

router.get('/api/articles', (ctx) => {
  ctx.body = [];
});

app.use(helmet());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(3000);
