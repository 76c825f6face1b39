const Koa = require('koa');
const Router = require('@koa/router');
const { queues } = require('./jobs');

const app = new Koa();
const router = new Router();

// Lets a route through only when NODE_ENV=development.
async function devOnly(ctx, next) {
  if (process.env.NODE_ENV !== 'development') {
    ctx.status = 404;
    return;
  }
  await next();
}

router.get('/api/exports', async (ctx) => {
  ctx.body = await queues.exports.getJobs(['waiting', 'active']);
});

router.get('/debug/jobs', devOnly, async (ctx) => {
  ctx.body = await queues.exports.getJobCounts();
});

router.post('/seed', devOnly, async (ctx) => {
  await queues.exports.add('demo', { rows: 1000 });
  ctx.status = 202;
});

app.use(router.routes());

app.listen(process.env.PORT || 3000);
