import Koa from 'koa';
import Router from '@koa/router';
import { koaBody } from 'koa-body';

import { saveNote } from './notes.mjs';

const app = new Koa();
const router = new Router();

router.post('/notes', async (ctx) => {
  // word-wrap 1.2.3 stripped trailing whitespace per line like this
  // (CVE-2023-26115).
  const text = ctx.request.body.text.replace(/[ \t]*$/gm, ''); // expect: redos
  ctx.status = 201;
  ctx.body = await saveNote(ctx.state.user.id, text);
});

app.use(koaBody());
app.use(router.routes());
app.listen(3000);
