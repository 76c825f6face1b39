const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
const text = 'alpha beta gamma beta';

// These take the client's text as a plain string, never as a pattern.
router.get('/text', (ctx) => {
  const { word, prefix } = ctx.query;
  ctx.body = {
    removed: text.replaceAll(word, ''),
    starts: text.startsWith(prefix),
    ends: text.endsWith(word),
    at: text.indexOf(word),
    last: text.lastIndexOf(word),
    words: text.split(' ').filter((w) => w === word).length,
  };
});

app.use(router.routes());
app.listen(3000);
