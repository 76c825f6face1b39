// A Koa error middleware keeps err.status || 500 but sends a fixed body and emits the error for logging.
const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
});

app.on('error', (err, ctx) => {
  console.error('request failed', ctx && ctx.path, err);
});

router.get('/api/inventory', async (ctx) => {
  throw new Error('inventory shard 3 unreachable');
});

app.use(router.routes());
app.listen(3000);
