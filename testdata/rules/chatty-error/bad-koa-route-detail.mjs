// A Koa route (ESM) sets a 500 and puts a pg error's detail in ctx.body.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const app = new Koa();
const router = new Router({ prefix: '/api' });

router.post('/accounts', async (ctx) => {
  const { email } = ctx.request.body;
  try {
    const { rows } = await pool.query('INSERT INTO accounts (email) VALUES ($1) RETURNING id', [email]);
    ctx.status = 201;
    ctx.body = rows[0];
  } catch (err) {
    ctx.status = 500;
    ctx.body = { error: 'Could not create the account', detail: err.detail }; // expect: chatty-error
  }
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
