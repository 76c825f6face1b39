// Koa never sends X-Powered-By.
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const app = new Koa();
const router = new Router({ prefix: '/api' });

router.get('/todos', (ctx) => {
  ctx.body = [];
});

router.post('/todos', (ctx) => {
  ctx.status = 201;
  ctx.body = { id: 1, title: String(ctx.request.body.title || '') };
});

app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(process.env.PORT || 3000);
