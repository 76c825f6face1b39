import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
const branches = ['main', 'release-1.2', 'feature_login'];

router.get('/branches/:name', (ctx) => {
  const name = ctx.params.name;
  if (!/^[\w-]+$/.test(name)) {
    ctx.throw(400, 'invalid branch name');
  }
  const re = new RegExp(`^${name}`);
  ctx.body = branches.filter((b) => re.test(b));
});

app.use(router.routes());
app.listen(3000);
