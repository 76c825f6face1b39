const Koa = require('koa');
const Router = require('@koa/router');
const { Pool } = require('pg');

const pool = new Pool();
const app = new Koa();
const router = new Router();

// `ctx.state.user` is set by the auth middleware from a verified token.
app.use(async (ctx, next) => {
  ctx.state.user = { id: 42, tenant: 'acme' };
  await next();
});

router.get('/me/projects', async (ctx) => {
  const { id, tenant } = ctx.state.user;
  const { rows } = await pool.query(`SELECT * FROM ${tenant === 'acme' ? 'acme' : 'shared'}.projects WHERE owner = ${id}`);
  ctx.body = rows;
});

app.use(router.routes());
app.listen(3000);
