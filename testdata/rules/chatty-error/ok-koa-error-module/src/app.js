// The Koa app with the error middleware from another file.
import Koa from 'koa';
import Router from '@koa/router';
import errors from './middleware/errors.js';

const app = new Koa();
const router = new Router();
const stock = new Map([['sku-1', 4]]);

router.get('/stock/:sku', (ctx) => {
  if (!stock.has(ctx.params.sku)) ctx.throw(404, 'Unknown SKU');
  ctx.body = { sku: ctx.params.sku, qty: stock.get(ctx.params.sku) };
});

app.use(errors);
app.use(router.routes());
app.on('error', (err) => console.error(err));
app.listen(3000);
