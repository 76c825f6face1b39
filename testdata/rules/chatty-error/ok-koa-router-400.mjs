// A Koa route (ESM) answers a JSON parse error of the client's filter with a 400 and its message.
import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
const rows = [{ id: 1, kind: 'a' }, { id: 2, kind: 'b' }];

router.get('/api/rows', async (ctx) => {
  let filter = {};
  try {
    filter = JSON.parse(String(ctx.query.filter || '{}'));
  } catch (err) {
    ctx.status = 400;
    ctx.body = { error: `Invalid filter: ${err.message}` };
    return;
  }
  ctx.body = rows.filter((r) => !filter.kind || r.kind === filter.kind);
});

app.use(router.routes());
app.listen(3000);
