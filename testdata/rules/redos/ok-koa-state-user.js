const Koa = require('koa');

const app = new Koa();

// ctx.state is filled by the server's own auth middleware.
app.use(async (ctx, next) => {
  ctx.state.user = await loadUser(ctx.cookies.get('sid', { signed: true }));
  await next();
});

app.use((ctx) => {
  const name = ctx.state.user ? ctx.state.user.name.replace(/\s+$/, '') : 'guest';
  ctx.body = `Hello, ${name}`;
});

async function loadUser(sid) {
  return sid ? { id: sid, name: 'Ada Lovelace ' } : null;
}

app.listen(3000);
