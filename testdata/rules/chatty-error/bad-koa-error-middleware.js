// A Koa error middleware puts err.message in the body with err.status || 500.
const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.message }; // expect: chatty-error
  }
});

router.get('/api/stats', async (ctx) => {
  ctx.body = await loadStats();
});

async function loadStats() {
  throw new Error('stats backend at 10.0.3.7:9200 timed out');
}

app.use(router.routes());
app.use(router.allowedMethods());
app.listen(3000);
