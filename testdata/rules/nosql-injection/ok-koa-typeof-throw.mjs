import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { MongoClient } from 'mongodb';

const users = new MongoClient('mongodb://localhost').db('app').collection('users');
const app = new Koa();
const router = new Router();

router.post('/login', async (ctx) => {
  const { email } = ctx.request.body;
  if (typeof email !== 'string') {
    ctx.throw(400, 'email must be a string');
  }
  const user = await users.findOne({ email });
  ctx.body = { ok: Boolean(user) };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
