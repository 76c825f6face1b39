const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { MongoClient } = require('mongodb');

const users = new MongoClient('mongodb://localhost').db('app').collection('users');
const app = new Koa();
const router = new Router();

router.post('/login', async (ctx) => {
  const { email, password } = ctx.request.body;
  const user = await users.findOne({ email, password }); // expect: nosql-injection
  ctx.body = { ok: Boolean(user) };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
