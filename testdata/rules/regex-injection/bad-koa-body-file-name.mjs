// The uploaded file's name is the client's text, here compiled as a pattern.
import Koa from 'koa';
import Router from '@koa/router';
import { koaBody } from 'koa-body';

const app = new Koa();
const router = new Router();
const shelf = ['report.pdf', 'notes.txt'];

router.post('/similar', koaBody({ multipart: true }), async (ctx) => {
  const like = new RegExp(ctx.request.files.doc.originalFilename); // expect: regex-injection
  ctx.body = shelf.filter((name) => like.test(name));
});

app.use(router.routes());
app.listen(3000);
