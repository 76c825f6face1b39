const Koa = require('koa');
const Router = require('@koa/router');

const directory = require('./directory');

const app = new Koa();
const router = new Router();

router.get('/people', async (ctx) => {
  // The pattern of trim 0.0.1 (CVE-2020-7753).
  const name = String(ctx.query.name || '').replace(/^\s*|\s*$/g, ''); // expect: redos
  ctx.body = await directory.find({ name });
});

app.use(router.routes());
app.listen(3000);
