const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const app = new Koa(); // expect: missing-helmet
const router = new Router();

router.get('/api/articles', (ctx) => {
  ctx.body = [];
});

router.post('/api/articles', (ctx) => {
  ctx.status = 201;
  ctx.body = { title: String(ctx.request.body.title || '') };
});

app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

app.listen(process.env.PORT || 3000);
