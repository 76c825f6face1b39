const Koa = require('koa');

const app = new Koa();

// Request ids from the edge proxy, trimmed the old-fashioned way.
app.use(async (ctx, next) => {
  const requestId = ctx.get('x-request-id').replace(/^\s+|\s+$/g, ''); // expect: redos
  ctx.state.requestId = requestId || `local-${Date.now()}`;
  ctx.set('x-request-id', ctx.state.requestId);
  await next();
});

app.use((ctx) => {
  ctx.body = { ok: true, requestId: ctx.state.requestId };
});

app.listen(3000);
