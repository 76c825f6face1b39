const Koa = require('koa');
const Router = require('@koa/router');

const blocklist = require('./blocklist');

// ipaddr.js's four-part decimal pattern.
const IPV4 = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;

const app = new Koa();
const router = new Router();

router.get('/blocklist/:ip', async (ctx) => {
  if (!IPV4.test(ctx.params.ip)) ctx.throw(400, 'not an IPv4 address');
  ctx.body = { blocked: await blocklist.has(ctx.params.ip) };
});

app.use(router.routes());
app.listen(3000);
