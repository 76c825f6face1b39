import Koa from 'koa';

const app = new Koa();

app.use(async (ctx) => {
  // Legacy clients send "Bearer   <token>   "; keep the first 100 characters.
  const auth = String(ctx.get('authorization')).substr(0, 100);
  const token = auth.replace(/^Bearer\s+/i, '').replace(/\s+$/, '');
  ctx.body = { hasToken: token.length > 0 };
});

app.listen(3000);
