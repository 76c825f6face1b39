const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

// Same pattern as trim-off-newlines 1.0.1 (CVE-2021-23425): "\r\n" matches
// both as one alternative and as "\r" then "\n".
const EDGE_NEWLINES = /^(?:\r\n|\n|\r)+|(?:\r\n|\n|\r)+$/g; // expect: redos

function trimNewlines(text) {
  return text.replace(EDGE_NEWLINES, '');
}

const app = new Koa();
const router = new Router();

router.post('/snippets', (ctx) => {
  const code = trimNewlines(String(ctx.request.body.code || ''));
  ctx.status = 201;
  ctx.body = { lines: code.split('\n').length };
});

app.use(bodyParser());
app.use(router.routes());

app.listen(3000);
