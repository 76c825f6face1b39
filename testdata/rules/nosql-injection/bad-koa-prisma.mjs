import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = new Koa();
const router = new Router();

// Prisma filters take operator objects too: `{"not": ""}` matches any user.
router.post('/login', async (ctx) => {
  const { email, password } = ctx.request.body;
  const user = await prisma.user.findFirst({ // expect: nosql-injection
    where: { email, password },
  });
  ctx.body = { ok: Boolean(user) };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
