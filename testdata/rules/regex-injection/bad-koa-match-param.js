const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
const poem = 'the cat sat on the mat';

router.get('/words/:word', (ctx) => {
  const word = ctx.params.word;
  const hits = poem.match('\\b' + word + '\\b'); // expect: regex-injection
  ctx.body = { found: hits !== null };
});

app.use(router.routes());
app.listen(3000);
