const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const bookmarks = require('./bookmarks');

// The URL pattern from a popular tutorial; ([\/\w \.-]*)* nests two
// repetitions over the same characters.
const URL_RE = /^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$/; // expect: redos

const app = new Koa();
const router = new Router();

router.post('/bookmarks', async (ctx) => {
  const { url } = ctx.request.body;
  if (typeof url !== 'string' || !URL_RE.test(url)) {
    ctx.throw(400, 'invalid url');
  }
  ctx.status = 201;
  ctx.body = await bookmarks.add(ctx.state.user.id, url);
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
