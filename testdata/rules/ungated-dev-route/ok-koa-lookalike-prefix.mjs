import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { apps, devices } from './store.mjs';

const app = new Koa();

// Developer portal: third parties register their apps and get API keys.
const developers = new Router({ prefix: '/developers' });
developers.get('/apps', async (ctx) => {
  ctx.body = await apps.list();
});
developers.post('/apps/:id/keys', async (ctx) => {
  ctx.status = 201;
  ctx.body = await apps.issueKey(ctx.params.id);
});

const api = new Router({ prefix: '/api' });
api.get('/devices', async (ctx) => {
  ctx.body = await devices.list();
});
api.get('/devices/latest', async (ctx) => {
  ctx.body = await devices.mostRecent();
});

app.use(bodyParser());
app.use(developers.routes());
app.use(api.routes());

app.listen(3000);
